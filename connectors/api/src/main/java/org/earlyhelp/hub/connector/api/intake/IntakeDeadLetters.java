package org.earlyhelp.hub.connector.api.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * Writes what a partner sent that the hub refuses the same way every time (a CSV row, a FHIR resource that parses
 * but cannot be mapped) to the partner's dead-letter topic: its bytes as sent, keyed by an opaque letter id, the
 * reason in the hub's one dead-letter header. Claimed under the item's own key first, so reading the same file again
 * or polling the same resource version again, on any instance, writes each dead letter once. Returns only once the
 * broker holds it: none is lost.
 */
public final class IntakeDeadLetters {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final IdempotentIntake claims;

    public IntakeDeadLetters(Producer<String, byte[]> producer, String topic, IdempotentIntake claims) {
        this.producer = producer;
        this.topic = topic;
        this.claims = claims;
    }

    /**
     * @param claim the item's own key (a row's, a resource version's), claimed so the letter is written once
     * @param letterId the Kafka key: opaque, never personal data
     * @param reason codes and paths in the hub's words, never a value sent
     * @return whether it was written now (false: an earlier read of the same item already wrote it)
     * @throws IllegalStateException when another instance is writing the same letter at this moment: try again
     */
    public boolean write(Organisation sender, IdempotentIntake.Key claim, String letterId, byte[] raw, String reason)
            throws Exception {
        IdempotentIntake.Outcome outcome =
                claims.accept(sender.toString(), List.of(claim), IdempotentIntake.fingerprint(raw), id -> {
                    ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, letterId, raw);
                    letter.headers().add(KafkaBatch.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
                    producer.send(letter).get(30, TimeUnit.SECONDS);
                });
        if (outcome instanceof IdempotentIntake.Outcome.InProgress) {
            throw new IllegalStateException("the same item is being dead-lettered by another instance");
        }
        return outcome instanceof IdempotentIntake.Outcome.Accepted a && !a.replay();
    }
}

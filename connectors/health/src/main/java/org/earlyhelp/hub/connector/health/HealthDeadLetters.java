package org.earlyhelp.hub.connector.health;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * Writes a FHIR resource that parsed but cannot be mapped to {@code hub.dlq.health}: its JSON as received, keyed by
 * an opaque id (a digest of the sender and the resource version), the reason in the hub's one dead-letter header.
 * Claimed under the resource version first, so a re-poll or a re-push, on any instance, writes each dead letter once.
 * Returns only once the broker holds it.
 */
final class HealthDeadLetters {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final IdempotentIntake claims;

    HealthDeadLetters(Producer<String, byte[]> producer, String topic, IdempotentIntake claims) {
        this.producer = producer;
        this.topic = topic;
        this.claims = claims;
    }

    /** @return whether it was written now (false: an earlier read of the same version already wrote it) */
    boolean write(Organisation sender, String versionKey, byte[] raw, String reason) throws Exception {
        String letterId = java.util.HexFormat.of()
                .formatHex(IdempotentIntake.fingerprint((sender + "\n" + versionKey).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
        IdempotentIntake.Key key = new IdempotentIntake.Key("fhir", "dead-letter:" + versionKey);
        IdempotentIntake.Outcome outcome =
                claims.accept(sender.toString(), List.of(key), IdempotentIntake.fingerprint(raw), id -> {
                    ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, letterId, raw);
                    letter.headers().add(KafkaBatch.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
                    producer.send(letter).get(30, TimeUnit.SECONDS);
                });
        if (outcome instanceof IdempotentIntake.Outcome.InProgress) {
            throw new IllegalStateException("the same resource is being dead-lettered by another instance");
        }
        return outcome instanceof IdempotentIntake.Outcome.Accepted a && !a.replay();
    }
}

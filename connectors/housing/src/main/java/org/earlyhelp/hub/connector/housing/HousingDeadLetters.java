package org.earlyhelp.hub.connector.housing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * Writes a refused CSV row to {@code hub.dlq.housing}: its bytes as sent, keyed by an opaque row id (file digest and
 * line), the reason in the hub's one dead-letter header. Claimed under the row's key first, so reading the same file
 * again, on any instance, writes each dead letter once. Returns only once the broker holds it: none is lost.
 */
final class HousingDeadLetters {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final IdempotentIntake claims;

    HousingDeadLetters(Producer<String, byte[]> producer, String topic, IdempotentIntake claims) {
        this.producer = producer;
        this.topic = topic;
        this.claims = claims;
    }

    /** @return whether it was written now (false: an earlier read of the file already wrote it) */
    boolean write(Organisation sender, String rowId, byte[] raw, String reason) throws Exception {
        IdempotentIntake.Key key = new IdempotentIntake.Key("line", "extract-dead-letter:" + rowId);
        IdempotentIntake.Outcome outcome =
                claims.accept(sender.toString(), List.of(key), IdempotentIntake.fingerprint(raw), id -> {
                    ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, rowId, raw);
                    letter.headers().add(KafkaBatch.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
                    producer.send(letter).get(30, TimeUnit.SECONDS);
                });
        if (outcome instanceof IdempotentIntake.Outcome.InProgress) {
            throw new IllegalStateException("the same row is being dead-lettered by another read of the file");
        }
        return outcome instanceof IdempotentIntake.Outcome.Accepted a && !a.replay();
    }
}

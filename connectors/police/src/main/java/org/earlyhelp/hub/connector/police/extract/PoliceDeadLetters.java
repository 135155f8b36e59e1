package org.earlyhelp.hub.connector.police.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.police.PoliceConnector;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.stereotype.Component;

/**
 * Dead-letters an extract row the hub cannot take to {@code hub.dlq.police}: the value is the header and the row as
 * CSV (for the force to fix and send again), the key is opaque (the file's digest and the row number), the one
 * {@code hub-dlq-reason} header names columns and rules, never a value. A row is dead-lettered once however often
 * the file is sent, on any instance: the row is claimed first with the hub's idempotent intake.
 */
@Component
public class PoliceDeadLetters {

    private final IdempotentIntake claims;
    private final Producer<String, byte[]> producer;
    private final Topics topics;

    public PoliceDeadLetters(IdempotentIntake claims, Producer<String, byte[]> producer, Topics topics) {
        this.claims = claims;
        this.producer = producer;
        this.topics = topics;
    }

    /**
     * Sends the row to the dead-letter topic unless it was sent before.
     *
     * @return true when sent now, false when an earlier send of the same file already dead-lettered it
     * @throws Exception when Kafka did not take it (the claim is released for the next try)
     */
    public boolean deadLetter(Organisation force, PoliceExtract extract, PoliceExtract.Bad row) throws Exception {
        String key = "extract:" + extract.digest().substring(0, 32) + ":" + row.number();
        byte[] reason = row.reason().getBytes(StandardCharsets.UTF_8);
        IdempotentIntake.Outcome outcome = claims.accept(
                force.toString(),
                List.of(new IdempotentIntake.Key("row", "dead-letter:" + key)),
                IdempotentIntake.fingerprint(reason),
                id -> {
                    ProducerRecord<String, byte[]> r =
                            new ProducerRecord<>(topics.deadLetter(PoliceConnector.PARTNER), key, csv(extract, row));
                    r.headers().add(KafkaBatch.REASON_HEADER, reason);
                    producer.send(r).get(30, TimeUnit.SECONDS);
                });
        return outcome instanceof IdempotentIntake.Outcome.Accepted a && !a.replay();
    }

    private static byte[] csv(PoliceExtract extract, PoliceExtract.Bad row) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(extract.header());
            printer.printRecord(row.cells());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

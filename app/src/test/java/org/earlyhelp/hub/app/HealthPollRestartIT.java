package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.earlyhelp.hub.connector.health.trust.TrustFhirServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub polls a real FHIR server playing the local NHS trust, twenty Patients a page, and is killed with
 * SIGKILL in the middle of a page; restarted on the same data, it resumes from its saved cursor, not from the start,
 * and at the end every Patient the trust holds is in the hub exactly once: one record id each, none lost.
 */
class HealthPollRestartIT {

    static final int PATIENTS = 1_000;
    static final int KILL_AFTER = 150; // not a multiple of the page size: the kill falls inside a page

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern POLL_LINE = Pattern.compile("health poll: new=(\\d+) read=(\\d+)");

    private final HubProcess hub = new HubProcess(Path.of("target", "health-restart-" + UUID.randomUUID()));
    private final TrustFhirServer trust = TrustFhirServer.start(0);

    @AfterEach
    void stop() throws Exception {
        hub.close();
        trust.close();
    }

    @Test
    void aHubKilledMidPageResumesFromItsCursorAndEveryPatientArrivesOnce() throws Exception {
        // Given a trust holding a thousand Patients, fifty pages of twenty
        Set<String> nhsNumbers = new HashSet<>();
        for (int i = 0; i < PATIENTS; i++) {
            String nhs = HealthPollingIT.nhs(i);
            nhsNumbers.add(nhs);
            trust.store(HealthPollingIT.patient(
                    "r" + i, nhs, "Given" + i, "Restart" + i, "2014-0" + (1 + i % 9) + "-" + (10 + i % 18)));
        }
        String[] args = {
            "--hub.connectors.health.fhir.base-url=" + trust.baseUrl(),
            "--hub.connectors.health.fhir.page-size=20",
            "--hub.connectors.health.fhir.poll-interval=1s"
        };
        Map<String, Set<String>> recordIds = new HashMap<>(); // NHS number -> the hub's record ids for it

        try (KafkaConsumer<String, byte[]> inbound = consumer()) {
            // When the hub is killed once it has stored 150 of them, in the middle of the eighth page
            hub.start("health-restart-1", args);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> read(inbound, nhsNumbers, recordIds) >= KILL_AFTER);
            hub.kill();
            int beforeKill = read(inbound, nhsNumbers, recordIds);
            assertThat(beforeKill).as("killed before the poll had finished").isLessThan(PATIENTS);

            // and restarted on the same data
            hub.start("health-restart-2", args);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> read(inbound, nhsNumbers, recordIds) == PATIENTS);
        }

        // Then every Patient is in the hub under one record id: a resource read again after the restart is a replay
        assertThat(recordIds).hasSize(PATIENTS);
        assertThat(recordIds.values().stream().filter(ids -> ids.size() > 1).toList())
                .as("Patients stored as two different records")
                .isEmpty();
        // and the restarted hub went on from its cursor: its first poll read fewer Patients than the trust holds
        String log2 = Files.readString(Path.of("target", "health-restart-2.log"));
        Matcher first = POLL_LINE.matcher(log2);
        assertThat(first.find()).as("the restarted hub logged its poll").isTrue();
        int readAfterRestart = Integer.parseInt(first.group(2));
        assertThat(readAfterRestart)
                .as("resumed from the cursor rather than reading from the start")
                .isLessThan(PATIENTS);
    }

    /** Reads what the hub has put on its inbound health topic so far; answers how many Patients it holds. */
    private static int read(
            KafkaConsumer<String, byte[]> inbound, Set<String> nhsNumbers, Map<String, Set<String>> recordIds) {
        try {
            for (ConsumerRecord<String, byte[]> r : inbound.poll(Duration.ofMillis(300))) {
                Matcher m = TEN_DIGITS.matcher(new String(r.value(), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (nhsNumbers.contains(m.group())) {
                        recordIds
                                .computeIfAbsent(m.group(), k -> new HashSet<>())
                                .add(r.key());
                    }
                }
            }
        } catch (RuntimeException e) {
            // the broker is down between the kill and the restart; the consumer reconnects by itself
        }
        return recordIds.size();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "localhost:" + hub.kafkaPort,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "health-restart-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        "1000"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        c.subscribe(List.of("hub.inbound.health"));
        return c;
    }
}

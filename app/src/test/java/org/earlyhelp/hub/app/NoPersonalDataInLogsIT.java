package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Distinctive names and dates of birth, sent through every endpoint of a running hub (its own process: real Kafka,
 * real PostgreSQL) in valid and hostile forms, and straight onto an inbound topic where the reader cannot stop them,
 * never appear in the hub's log or in the embedded PostgreSQL's log files.
 */
class NoPersonalDataInLogsIT {

    static final ObjectMapper json = new ObjectMapper();

    final HubProcess hub = new HubProcess(Path.of("target", "logs-data-" + UUID.randomUUID()));
    final NotificationSink schools = new NotificationSink();
    final Path hubLog = Path.of("target", "no-personal-data-in-logs.log");

    @AfterEach
    void stop() throws Exception {
        hub.close();
        schools.close();
    }

    @Test
    void distinctivePersonalDataSentEveryWayNeverReachesEitherLog() throws Exception {
        // Given a running hub whose log is captured, with a school listening
        hub.start("no-personal-data-in-logs");
        assertThat(hub.send(
                                "PUT",
                                "/api/directory/schools/" + HostileRequests.SCHOOL_URN,
                                "governance-dev-token",
                                "{\"endpoint\": \"" + schools.baseUrl() + "/schools/" + HostileRequests.SCHOOL_URN
                                        + "/notifications\"}")
                        .statusCode())
                .isEqualTo(200);
        String caseRecord = accepted(
                hub.send("POST", "/api/casesystem/involvements", "casesystem-dev-token", HostileRequests.CASE_RECORD));
        // When every endpoint gets its valid body and each hostile variant
        List<String> answers = new ArrayList<>();
        for (HostileRequests.Endpoint e : HostileRequests.endpoints(caseRecord)) {
            List<String> bodies = new ArrayList<>(List.of(e.valid()));
            bodies.addAll(HostileRequests.handWritten(e.valid()));
            for (String body : bodies) {
                HttpResponse<String> r = hub.send(e.method(), e.path(), e.token(), body);
                answers.add(e.path() + " " + r.statusCode() + " " + r.body());
                // Then none is a failure of the hub's, and no answer quotes what was sent
                assertThat(r.statusCode()).as(e.path() + " " + r.body()).isLessThan(500);
                if (r.statusCode() >= 400) {
                    assertThat(r.body())
                            .as(e.path())
                            .startsWith("{\"errors\":[")
                            .doesNotContain("Zephyrine", "Quill");
                }
            }
        }
        // And names in paths, parameters, the wrong content type and the wrong method are refused the same way
        // (whatever no security rule names is refused 403 before it reaches a controller; a connector's path with
        // a method it does not serve is a 405 in the same shape)
        for (String[] c : new String[][] {
            // no professional named: refused before the record is looked up
            {"GET", "/api/family-view?record=Zephyrine&person=2013-07-19", "casesystem-dev-token", "400"},
            {"GET", "/api/family-view?record=Zephyrine", "casesystem-dev-token", "400"},
            {"GET", "/api/ledger/records/Zephyrine%20Quillfeather", "casesystem-dev-token", "403"},
            {"GET", "/api/matching/people/Zephyrine", "governance-dev-token", "400"},
            {"GET", "/api/matching/reviews?limit=Zephyrine", "governance-dev-token", "400"},
            {"GET", "/api/matching/Zephyrine/2013-07-19", "governance-dev-token", "404"},
            {"DELETE", "/api/ledger/people/search", "governance-dev-token", "405"},
            {"PUT", "/api/police/incidents", "police-dev-token", "405"}
        }) {
            HttpResponse<String> r = hub.send(c[0], c[1], c[2], null);
            assertThat(r.statusCode()).as(c[1]).isEqualTo(Integer.parseInt(c[3]));
            assertThat(r.body()).as(c[1]).startsWith("{\"errors\":[").doesNotContain("Zephyrine", "2013-07-19");
        }
        HttpResponse<String> plainText = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(hub.baseUrl().resolve("/api/consent"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "text/plain")
                                .header("Authorization", "Bearer casesystem-dev-token")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "Zephyrine Quillfeather 2013-07-19"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(plainText.body()).startsWith("{\"errors\":[").doesNotContain("Zephyrine");
        // And records the reader never saw reach the inbound topic: not a record at all, and one whose name holds
        // U+0000 (which PostgreSQL refuses), so the driver's and the server's error paths are taken too
        String poison = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + hub.kafkaPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(
                            "hub.inbound.police",
                            UUID.randomUUID().toString(),
                            "Zephyrine Quillfeather 2013-07-19".getBytes()))
                    .get();
            producer.send(new ProducerRecord<>("hub.inbound.police", poison, poisonRecord(poison)))
                    .get();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(hubLog).contains(poison)
                        || Files.readString(hubLog).contains("(attempt 3)"));
        hub.close();
        // Then neither the hub's log nor PostgreSQL's holds any of it
        assertThat(Files.readString(hubLog)).as("the log was captured").contains("Started HubApplication");
        assertThat(HostileRequests.hitsIn(hubLog))
                .as("hub log lines with personal data")
                .isEmpty();
        Path pgLogs = hub.dataDir.resolve("postgres").resolve(EmbeddedPostgres.LOG_DIRECTORY);
        try (Stream<Path> files = Files.list(pgLogs)) {
            assertThat(files.filter(f -> f.toFile().length() > 0).count())
                    .as("PostgreSQL wrote its log")
                    .isPositive();
        }
        assertThat(HostileRequests.hits(pgLogs))
                .as("PostgreSQL log lines with personal data")
                .isEmpty();
        assertThat(answers).isNotEmpty();
    }

    private static byte[] poisonRecord(String id) {
        Person child = Person.newBuilder()
                .setRef("c1")
                .setRole(Role.CHILD)
                .setGivenName("Zephyrine\u0000")
                .setFamilyName("Quillfeather")
                .setDateOfBirth(java.time.LocalDate.of(2013, 7, 19))
                .setSchoolUrn(HostileRequests.SCHOOL_URN)
                .build();
        HubRecord record = HubRecord.newBuilder()
                .setRecordId(id)
                .setKind(RecordKind.EVENT)
                .setType("domestic-abuse-incident")
                .setProvider("police")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(child))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(DomesticAbuseIncident.newBuilder()
                        .setReference("DA/POISON/1")
                        .setOccurredAt(Instant.parse("2026-11-22T21:40:00Z"))
                        .setPlace(org.earlyhelp.hub.schema.Address.newBuilder()
                                .setLines(List.of("12 Acacia Avenue"))
                                .setPostcode("S41 7AB")
                                .build())
                        .setChildrenPresent(List.of("c1"))
                        .build()))
                .build();
        return new RecordCodec(SchemaRegistry.load()).encode(record);
    }

    private static String accepted(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("id").asText();
    }
}

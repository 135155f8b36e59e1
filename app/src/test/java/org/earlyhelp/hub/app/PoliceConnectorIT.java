package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.earlyhelp.hub.connector.police.PoliceIntake;
import org.earlyhelp.hub.connector.police.extract.PoliceConnectorProperties;
import org.earlyhelp.hub.connector.police.extract.PoliceExtractIntake;
import org.earlyhelp.hub.connector.police.extract.PoliceInbox;
import org.earlyhelp.hub.connector.police.schema.MissingEpisode;
import org.earlyhelp.hub.connector.police.schema.MissingEvent;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.testsupport.TestPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The police connector through the running hub on the embedded broker and PostgreSQL: the three new events over HTTP,
 * the nightly extract over HTTP and through the inbox folder (two instances' pollers racing for the same files),
 * dead letters for bad rows, replays that store nothing twice, and the partner metrics.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.simulator.enabled=false",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.connectors.police.inbox=target/it-police-inbox/${random.uuid}",
            "hub.connectors.police.inbox-force=police:derbyshire",
            "hub.connectors.police.inbox-poll-interval=300ms"
        })
class PoliceConnectorIT {

    static final String POLICE = "police-dev-token";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    RecordCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PoliceConnectorProperties settings;

    @Autowired
    PoliceExtractIntake extracts;

    @Autowired
    PoliceIntake intake;

    @Autowired
    jakarta.validation.Validator validator;

    static String ref(String prefix) {
        return prefix + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * One time for every post of a test run, so a retry is the same body (a time taken per post made the first post's
     * retry, a second later while the hub warmed up, a different body: rightly a 409).
     */
    static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    static String missing(String reference, String event) {
        return """
                {"reference": "%s", "event": "%s", "occurredAt": "%s", "riskLevel": "HIGH",
                 "officerNotes": "Left after an argument",
                 "people": [{"ref": "c1", "role": "CHILD", "givenName": "Kayden", "familyName": "Marsh",
                   "dateOfBirth": "2011-06-14", "sex": "MALE", "schoolUrn": "123456"}]}
                """
                .formatted(reference, event, AN_HOUR_AGO);
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingChildReportedFoundAndOfferedAnInterviewIsThreeRecordsOnTheInboundTopicAndARetryIsNone()
            throws Exception {
        // Given a force's missing episode
        String reference = ref("MISPER");
        double before = counted("received");

        // When it posts the three steps, and the first again (a client retrying)
        List<String> ids = new ArrayList<>();
        HttpResponse<String> retry = null;
        for (String event : List.of("REPORTED_MISSING", "FOUND", "RETURN_INTERVIEW_OFFERED")) {
            HttpResponse<String> r =
                    post("/api/police/missing-episodes", POLICE, "application/json", missing(reference, event));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(PartnerClient.JSON.readTree(r.body()).get("id").asText());
            if (retry == null) {
                retry = post("/api/police/missing-episodes", POLICE, "application/json", missing(reference, event));
            }
        }

        // Then the retry is the first record, and three records were counted
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(PartnerClient.JSON.readTree(retry.body()).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(counted("received") - before).isEqualTo(3.0);
        // And the first is on hub.inbound.police as the force's record, its payload the registered type
        HubRecord record =
                codec.decodeRecord(awaitOne("hub.inbound.police", ids.get(0)).value());
        assertThat(record.getType()).isEqualTo("missing-episode");
        assertThat(record.getProviderOrganisation()).isEqualTo("police:derbyshire");
        MissingEpisode payload = TestPayloads.decode(record, MissingEpisode.class);
        assertThat(payload.getEvent()).isEqualTo(MissingEvent.REPORTED_MISSING);
        assertThat(payload.getChild()).containsExactly("c1");
    }

    @Test
    void antiSocialBehaviourAndYouthOffendingAreAcceptedAndABadBodyIsA400NamingFieldAndReason() throws Exception {
        String asb =
                """
                {"reference": "%s", "occurredAt": "2026-11-19T21:15:00Z", "category": "NUISANCE",
                 "action": "WARNING_LETTER",
                 "people": [{"ref": "c1", "role": "CHILD", "givenName": "Lacey", "familyName": "Dunn",
                   "dateOfBirth": "2010-02-03"}]}
                """
                        .formatted(ref("ASB"));
        String youth =
                """
                {"reference": "%s", "occurredAt": "2026-11-18T10:00:00Z", "outcome": "YOUTH_CAUTION",
                 "youthJustice": {"team": "Chesterfield Youth Justice", "since": "2026-11-18"},
                 "people": [{"ref": "c1", "role": "CHILD", "givenName": "Tyler", "familyName": "Booth",
                   "dateOfBirth": "2009-09-30"}]}
                """
                        .formatted(ref("YO"));
        assertThat(post("/api/police/anti-social-behaviour", POLICE, "application/json", asb)
                        .statusCode())
                .isEqualTo(202);
        assertThat(post("/api/police/youth-offending", POLICE, "application/json", youth)
                        .statusCode())
                .isEqualTo(202);

        double rejectedBefore = counted("rejected");
        HttpResponse<String> bad = post(
                "/api/police/youth-offending",
                POLICE,
                "application/json",
                youth.replace("YOUTH_CAUTION", "BOOTED").replace("2009-09-30", "2009-02-30"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = PartnerClient.JSON.readTree(bad.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("people[0].dateOfBirth");
        assertThat(bad.body()).doesNotContain("BOOTED", "Tyler", "2009-02-30");
        assertThat(counted("rejected") - rejectedBefore).isEqualTo(1.0);

        // And a credential that is not a police force's is a 403, in the one error shape
        HttpResponse<String> school =
                post("/api/police/anti-social-behaviour", "schools-dev-token", "application/json", asb);
        assertThat(school.statusCode()).isEqualTo(403);
        assertThat(PartnerClient.JSON.readTree(school.body()).get("errors")).isNotNull();
    }

    @Test
    void anExtractStoresItsGoodRowsDeadLettersItsBadRowOnceAndSentAgainStoresNothingNew() throws Exception {
        // Given an extract of two good rows and one bad one, of fresh references
        String m = ref("MISPER");
        String csv = "Record Type , REFERENCE,occurred_at,given_name,family_name,date_of_birth,missing_event\n"
                + "missing-episode," + m + ",2026-11-20 18:05,Kayden,Marsh,2011-06-14,reported missing\n"
                + "missing-episode," + m + ",2026-11-21 07:30,Kayden,Marsh,14/06/2011,FOUND\n"
                + "missing-episode," + ref("MISPER") + ",2026-11-21 07:30,Zephyrine,Marsh,2011-02-30,FOUND\n";

        // When it is posted, and posted again
        HttpResponse<String> first = post("/api/police/extracts", POLICE, "text/csv", csv);
        HttpResponse<String> again = post("/api/police/extracts", POLICE, "text/csv", csv);

        // Then the first stores two and dead-letters one, the second stores nothing new
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode f = PartnerClient.JSON.readTree(first.body());
        assertThat(f.get("accepted").asInt()).isEqualTo(2);
        assertThat(f.get("deadLettered").asInt()).isEqualTo(1);
        assertThat(f.get("refused").get(0).get("row").asInt()).isEqualTo(4);
        JsonNode a = PartnerClient.JSON.readTree(again.body());
        assertThat(a.get("accepted").asInt()).isZero();
        assertThat(a.get("replayed").asInt()).isEqualTo(2);
        // And the bad row is in hub.dlq.police once, under an opaque key, its reason naming the column only
        String digest = sha256(csv).substring(0, 32);
        ConsumerRecord<String, byte[]> dead = awaitOne("hub.dlq.police", "extract:" + digest + ":4");
        String reason = new String(dead.headers().lastHeader("hub-dlq-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).startsWith("date_of_birth:").doesNotContain("Zephyrine", "2011-02-30");
        assertThat(dead.key()).doesNotContain("Zephyrine", "MISPER");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("Zephyrine");
    }

    @Test
    void aFileDroppedInTheInboxIsReadOnceEvenWithTwoInstancesPollingIt() throws Exception {
        // Given a second instance's poller on the same folder, beside this hub's own
        Path inbox = settings.inbox();
        PoliceInbox other = new PoliceInbox(
                settings,
                validator,
                java.time.Clock.systemUTC(),
                extracts,
                intake,
                inbox,
                org.earlyhelp.hub.governance.access.Organisation.parse("police:derbyshire"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "extract-" + i + "-" + UUID.randomUUID() + ".csv";
            String csv = "record_type,reference,occurred_at,given_name,family_name,date_of_birth,asb_category\n"
                    + "anti-social-behaviour," + ref("ASB") + ",2026-11-19 21:15,Lacey,Dunn,2010-02-03,NUISANCE\n"
                    + "anti-social-behaviour," + ref("ASB") + ",2026-11-19 21:15,Lacey,Dunn,2010-02-03,NOISY\n";
            // written aside and renamed in, as an SFTP upload should be
            Path part = inbox.resolve("." + name + ".part");
            Files.writeString(part, csv);
            Files.move(part, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }

        // When both instances poll at once
        CompletableFuture<Void> polled = CompletableFuture.runAsync(() -> {
            try {
                other.poll();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        polled.join();

        // Then each file ends in done/ once, with one result: one row stored, one dead-lettered
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String name : names) {
                assertThat(inbox.resolve("done").resolve(name)).exists();
                assertThat(inbox.resolve("done").resolve(name + ".result.json")).exists();
            }
        });
        for (String name : names) {
            JsonNode result = PartnerClient.JSON.readTree(
                    Files.readString(inbox.resolve("done").resolve(name + ".result.json")));
            assertThat(result.get("accepted").asInt() + result.get("replayed").asInt())
                    .isEqualTo(1);
            assertThat(result.get("refused").get(0).get("reason").asText()).startsWith("asb_category:");
        }
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".csv")))
                    .isEmpty();
        }
        try (var left = Files.list(inbox.resolve("processing"))) {
            assertThat(left).isEmpty();
        }
    }

    private double counted(String outcome) {
        var c = meters.find("hub.records")
                .tag("partner", "police")
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    private ConsumerRecord<String, byte[]> awaitOne(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            // and nothing more under the key up to the end of the topic
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

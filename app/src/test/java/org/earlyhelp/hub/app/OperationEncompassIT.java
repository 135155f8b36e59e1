package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Operation Encompass flow end to end on the real embedded broker and PostgreSQL, with schools played by a real
 * HTTP listener: what arrives, what never leaves, what the ledger says, and how bad input and failures are handled.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=" + OperationEncompassIT.AGREEMENTS,
            "hub.simulator.enabled=false",
            "hub.connectors.schools.initial-backoff=50ms",
            "hub.connectors.schools.max-redeliveries=3"
        })
class OperationEncompassIT {

    static final String AGREEMENTS = "target/it-agreements";
    static final String AGREEMENT_FILE = "police-to-schools-domestic-abuse.yaml";
    static final String FRONT_DOOR_FILE = "police-to-casesystem-domestic-abuse.yaml";
    static final String POLICE = "police-dev-token";
    static final String GOVERNANCE = "governance-dev-token";
    static final Set<String> AGREED_FIELDS = Set.of(
            "child.name",
            "child.date-of-birth",
            "incident.reference",
            "incident.occurred-at",
            "incident.place",
            "incident.child-present");

    static NotificationSink schools;
    static final ObjectMapper json = new ObjectMapper();
    static String original;

    static {
        // the board's directory, copied so tests can suspend and expire the agreement
        try {
            original = Files.readString(BoardDirectory.copyTo(AGREEMENTS).resolve(AGREEMENT_FILE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Value("${hub.embedded.data-dir}")
    String dataDir;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.password:}")
    String databasePassword;

    @BeforeAll
    static void startSchools() {
        schools = new NotificationSink();
    }

    @AfterAll
    static void stopSchools() {
        schools.close();
    }

    @AfterEach
    void restoreAgreement() throws Exception {
        Path file = Path.of(AGREEMENTS, AGREEMENT_FILE);
        if (!Files.exists(file) || !Files.readString(file).equals(original)) {
            Files.writeString(file, original);
            assertThat(send("POST", "/api/agreements/reload", GOVERNANCE, "").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void notificationCarriesExactlyTheAgreedFieldsToEachChildsSchool() throws Exception {
        // Given two children at two schools whose endpoints are the listener
        registerSchool("200001", schools.baseUrl() + "/schools/200001/notifications");
        registerSchool("200002", schools.baseUrl() + "/schools/200002/notifications");
        String reference = newReference();
        // When police report an incident with both children, an adult victim, a perpetrator and officer notes
        HttpResponse<String> accepted = postIncident(incident(reference, "200001", "200002"), POLICE);
        // Then it is accepted with an id to quote
        assertThat(accepted.statusCode()).isEqualTo(202);
        String recordId = json.readTree(accepted.body()).get("id").asText();
        // And each school receives one notification about its own child only, carrying exactly the agreed fields
        List<JsonNode> bodies = awaitNotifications(reference, 2);
        for (JsonNode body : bodies) {
            Set<String> fields = new HashSet<>();
            body.get("fields").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isEqualTo(AGREED_FIELDS);
            assertThat(body.get("fields").get("incident.place").asText()).isEqualTo("S41");
            assertThat(body.get("fields").get("incident.reference").asText()).isEqualTo(reference);
            assertThat(body.toString())
                    .doesNotContain("Perpetratorname", "Victimname", "shouted", "12 Acacia", "9434765919");
        }
        JsonNode amy = bodies.stream()
                .filter(b -> b.get("school").get("urn").asText().equals("200001"))
                .findFirst()
                .orElseThrow();
        assertThat(amy.get("fields").get("child.name").asText()).isEqualTo("Amy Smith");
        assertThat(amy.get("fields").get("child.date-of-birth").asText()).isEqualTo("2016-04-03");
        assertThat(amy.get("fields").get("incident.child-present").asText()).isEqualTo("true");
        assertThat(amy.toString()).doesNotContain("Ben");
        // And the ledger shows what permitted each: agreement, version, purpose, lawful basis, fields, recipient, times
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode ledger = ledgerFor(recordId);
            assertThat(ledger).hasSize(2);
            for (JsonNode e : ledger) {
                assertThat(e.get("decision").asText()).isEqualTo("PERMIT");
                assertThat(e.get("agreementId").asText()).isEqualTo("police-to-schools-domestic-abuse");
                assertThat(e.get("agreementVersion").asInt()).isEqualTo(1);
                assertThat(e.get("purpose").asText()).isEqualTo("safeguarding/domestic-abuse-notification");
                assertThat(e.get("lawfulBasis").asText()).contains("public-task", "dpa-2018-sch1-para18");
                assertThat(e.get("recipient").asText()).matches("schools:20000[12]");
                assertThat(e.get("provider").asText()).isEqualTo("police:derbyshire");
                assertThat(e.get("decidedAt").isNull()).isFalse();
                assertThat(e.get("deliveryStatus").asText()).isEqualTo("DELIVERED");
                Set<String> released = new HashSet<>();
                e.get("fieldsReleased").forEach(f -> released.add(f.asText()));
                assertThat(released).isEqualTo(AGREED_FIELDS);
            }
        });
        // And the person query finds the child's entry without the name in any URL
        JsonNode byPerson = json.readTree(send(
                        "POST",
                        "/api/ledger/people/search",
                        GOVERNANCE,
                        "{\"givenName\":\"Amy\",\"familyName\":\"Smith\",\"dateOfBirth\":\"2016-04-03\"}")
                .body());
        assertThat(byPerson.findValuesAsText("recordId")).contains(recordId);
    }

    @Test
    void thePushNeedsNoRelationshipButThePushOnlyAgreementAnswersNoPull() throws Exception {
        // Given the police name a school the hub holds no relationship for (the statute: the school the police name)
        registerSchool("200001", schools.baseUrl() + "/schools/200001/notifications");
        String reference = newReference();
        HttpResponse<String> accepted = postIncident(incident(reference, "200001", null), POLICE);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String recordId = json.readTree(accepted.body()).get("id").asText();

        // Then the push is delivered as before
        assertThat(awaitNotifications(reference, 1)).hasSize(1);

        // But a school asking under the push agreement's purpose is refused before anything is looked up
        HttpResponse<String> pull = PartnerClient.of(port, "schools-dev-token")
                .as("dsl-1", "designated-safeguarding-lead")
                .get("/api/family-view?record=" + recordId + "&person=c1"
                        + "&purpose=safeguarding/domestic-abuse-notification");
        assertThat(pull.statusCode()).isEqualTo(403);
        assertThat(pull.body()).doesNotContain(reference).doesNotContain("Amy");
    }

    @Test
    void suspendedAgreementDeniesAndNothingIsDelivered() throws Exception {
        changeAgreement(original.replace("status: approved", "status: suspended"));
        assertDeniedAndUndelivered("is suspended");
    }

    @Test
    void expiredAgreementDeniesAndNothingIsDelivered() throws Exception {
        changeAgreement(original.replaceAll("valid: \\{[^}]*}", "valid: { from: 2024-09-01, until: 2025-08-31 }"));
        assertDeniedAndUndelivered("expired on 2025-08-31");
    }

    @Test
    void incidentNoAgreementCoversIsDeniedAndNothingIsDelivered() throws Exception {
        // no agreement may push the incident anywhere: the case system's front-door one goes too, and comes back after
        Path frontDoor = Path.of(AGREEMENTS, FRONT_DOOR_FILE);
        String frontDoorText = Files.readString(frontDoor);
        Files.delete(Path.of(AGREEMENTS, AGREEMENT_FILE));
        Files.delete(frontDoor);
        try {
            assertThat(send("POST", "/api/agreements/reload", GOVERNANCE, "").statusCode())
                    .isEqualTo(200);
            assertDeniedAndUndelivered("no agreement covers event/domestic-abuse-incident from police");
        } finally {
            Files.writeString(frontDoor, frontDoorText);
        }
    }

    @Test
    void retriedDeliveryIsOneNotification() throws Exception {
        // Given a school whose endpoint fails twice with 503
        registerSchool("200003", schools.baseUrl() + "/schools/200003/notifications");
        String reference = newReference();
        long duplicatesBefore = schools.duplicates();
        schools.failNext(2, 503);
        // When an incident about its pupil arrives
        HttpResponse<String> accepted = postIncident(incident(reference, "200003", null), POLICE);
        String recordId = json.readTree(accepted.body()).get("id").asText();
        // Then it is delivered once, after retries, under one idempotency key
        awaitNotifications(reference, 1);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            JsonNode entry = ledgerFor(recordId).get(0);
            assertThat(entry.get("deliveryStatus").asText()).isEqualTo("DELIVERED");
            assertThat(entry.get("deliveryAttempts").asInt()).isGreaterThanOrEqualTo(2);
        });
        assertThat(schools.duplicates()).isEqualTo(duplicatesBefore);
    }

    @Test
    void rejectedDeliveryIsDeadLetteredWithoutPersonalData() throws Exception {
        // Given a school whose endpoint answers 404 (a path the listener does not serve)
        registerSchool("200004", schools.baseUrl() + "/nowhere/200004");
        String reference = newReference();
        // When an incident about its pupil arrives
        String recordId = json.readTree(postIncident(incident(reference, "200004", null), POLICE)
                        .body())
                .get("id")
                .asText();
        // Then the ledger records the dead letter and the dead-letter topic holds it with a reason free of personal
        // data
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(
                        ledgerFor(recordId).get(0).get("deliveryStatus").asText())
                .isEqualTo("DEAD_LETTERED"));
        List<ConsumerRecord<String, byte[]>> dead = readAll("hub.dlq.schools");
        assertThat(dead).isNotEmpty();
        for (ConsumerRecord<String, byte[]> r : dead) {
            String reason = header(r, "hub-dlq-reason");
            assertThat(reason).isNotBlank().doesNotContain("Amy", "Smith", "2016");
        }
        assertThat(dead.stream().map(r -> header(r, "hub-dlq-reason"))).contains("school endpoint answered 404");
    }

    @Test
    void undecodableInboundRecordIsDeadLetteredAndTheFlowContinues() throws Exception {
        // Given a record on the police inbound topic that is not a canonical record
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("hub.inbound.police", key, "Amy Smith 2016-04-03".getBytes()))
                    .get();
        }
        // Then it reaches hub.dlq.police with a reason that does not quote it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ConsumerRecord<String, byte[]> r = readAll("hub.dlq.police").stream()
                    .filter(x -> key.equals(x.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(header(r, "hub-dlq-reason")).startsWith("undecodable").doesNotContain("Amy");
        });
        // And valid incidents still flow
        registerSchool("200005", schools.baseUrl() + "/schools/200005/notifications");
        String reference = newReference();
        postIncident(incident(reference, "200005", null), POLICE);
        awaitNotifications(reference, 1);
    }

    @Test
    void kafkaKeysAndHeadersCarryNoPersonalData() throws Exception {
        registerSchool("200006", schools.baseUrl() + "/schools/200006/notifications");
        String reference = newReference();
        postIncident(incident(reference, "200006", null), POLICE);
        awaitNotifications(reference, 1);
        for (String topic : List.of("hub.inbound.police", "hub.outbound.schools")) {
            List<ConsumerRecord<String, byte[]>> records = readAll(topic);
            assertThat(records).isNotEmpty();
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.key() != null) {
                    assertThat(r.key()).matches("[0-9a-f-]{32,36}");
                }
                for (Header h : r.headers()) {
                    assertThat(new String(h.value(), StandardCharsets.UTF_8))
                            .doesNotContain("Amy", "Smith", "2016-04-03", "S41");
                }
            }
        }
    }

    @Test
    void malformedAndHostileBodiesGetClear400s() throws Exception {
        String huge = "x".repeat(300 * 1024); // over the police reader's 256 KiB, under the hub's 1 MiB body limit
        String deep = "[".repeat(500) + "]".repeat(500);
        Map<String, String> cases = Map.of(
                "{\"reference\": 5}",
                "reference",
                incident("DA/1", "200001", null).replace("2016-04-03", "2016-02-30"),
                "people[0].dateOfBirth",
                "{\"reference\": " + deep + "}",
                "expected a string",
                "{not json",
                "not valid JSON",
                incident("DA/1", "200001", null).replace("\"reference\"", "\"provider\": \"schools\", \"reference\""),
                "unknown field");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = postIncident(c.getKey(), POLICE);
            assertThat(response.statusCode()).as(c.getValue()).isEqualTo(400);
            assertThat(response.body()).as(c.getValue()).contains(c.getValue()).contains("reason");
        }
        HttpResponse<String> tooLarge = postIncident("{\"reference\": \"" + huge + "\"}", POLICE);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than");
    }

    @Test
    void theApiIsDocumentedAndTheConsoleCountsFlows() throws Exception {
        HttpResponse<String> api = send("GET", "/v3/api-docs", null, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("/api/police/incidents", "PoliceIncidentRequest", "partner-token");
        assertThat(send("GET", "/api-docs.html", null, null).statusCode()).isIn(200, 302);
        HttpResponse<String> console = send("GET", "/", null, null);
        assertThat(console.body())
                .contains("Early Help hub", "received", "permitted", "denied", "delivered", "Person index: ");
    }

    @Test
    void aPartnerCannotPostAsAnother() throws Exception {
        String body = incident(newReference(), "200001", null);
        assertThat(postIncident(body, "schools-dev-token").statusCode()).isEqualTo(403);
        assertThat(postIncident(body, "not-a-token-at-all").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/police/incidents", null, body).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/ledger/verify", POLICE, null).statusCode()).isEqualTo(403);
    }

    @Test
    void ledgerVerifyNamesAnEditedEntry() throws Exception {
        // Given a ledger with entries
        registerSchool("200007", schools.baseUrl() + "/schools/200007/notifications");
        String reference = newReference();
        String recordId = json.readTree(postIncident(incident(reference, "200007", null), POLICE)
                        .body())
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> ledgerFor(recordId).size() == 1);
        long seq = ledgerFor(recordId).get(0).get("seq").asLong();
        String[] url = {
            "ledger",
            "verify",
            "--jdbc-url",
            jdbc.getDataSource().getConnection().getMetaData().getURL(),
            // the embedded database requires the password it generated (data/postgres.password)
            "--password=" + databasePassword,
            "--data-dir", // the chain key and the checkpoints live beside the database, not in it
            dataDir
        };
        assertThat(cli(url)).contains("ledger intact");
        // When someone edits a row to hide that a field was released
        jdbc.update("update ledger_entry set fields_released = '{child.name}' where seq = ?", seq);
        try {
            // Then ledger verify names that entry
            assertThat(cli(url)).contains("ledger broken at entry " + seq);
        } finally {
            jdbc.update(
                    "update ledger_entry set fields_released = '{child.date-of-birth,child.name,incident.child-present,"
                            + "incident.occurred-at,incident.place,incident.reference}' where seq = ?",
                    seq);
        }
        assertThat(cli(url)).contains("ledger intact");
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
        return out.toString();
    }

    private void assertDeniedAndUndelivered(String reason) throws Exception {
        registerSchool("200009", schools.baseUrl() + "/schools/200009/notifications");
        String reference = newReference();
        HttpResponse<String> accepted = postIncident(incident(reference, "200009", null), POLICE);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String recordId = json.readTree(accepted.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode ledger = ledgerFor(recordId);
            assertThat(ledger).isNotEmpty();
            ledger.forEach(e -> {
                assertThat(e.get("decision").asText()).isEqualTo("DENY");
                assertThat(e.get("fieldsReleased")).isEmpty();
                assertThat(e.get("reasons").toString()).contains(reason);
            });
        });
        // nothing was published for a denied record, so nothing can arrive later
        assertThat(schools.received()).noneMatch(r -> r.body().contains(reference));
    }

    private void changeAgreement(String text) throws Exception {
        Files.writeString(Path.of(AGREEMENTS, AGREEMENT_FILE), text);
        HttpResponse<String> reload = send("POST", "/api/agreements/reload", GOVERNANCE, "");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    private List<JsonNode> awaitNotifications(String reference, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            found.clear();
            for (NotificationSink.Received r : schools.received()) {
                if (r.body().contains("\"" + reference + "\"")) {
                    found.add(json.readTree(r.body()));
                }
            }
            assertThat(found).hasSize(count);
        });
        return found;
    }

    /**
     * The ledger's entries about the record but those for the case system: its front-door agreement decides about the
     * same incident beside Operation Encompass, and is not this test's subject.
     */
    private JsonNode ledgerFor(String recordId) throws Exception {
        JsonNode all = json.readTree(
                send("GET", "/api/ledger/records/" + recordId, GOVERNANCE, null).body());
        com.fasterxml.jackson.databind.node.ArrayNode schoolsOnly = json.createArrayNode();
        all.forEach(e -> {
            if (!e.path("recipient").asText().startsWith("casesystem")) {
                schoolsOnly.add(e);
            }
        });
        return schoolsOnly;
    }

    private void registerSchool(String urn, String endpoint) throws Exception {
        HttpResponse<String> r = send(
                "PUT",
                "/api/directory/schools/" + urn,
                GOVERNANCE,
                "{\"name\":\"School " + urn + "\",\"endpoint\":\"" + endpoint + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private HttpResponse<String> postIncident(String body, String token) throws Exception {
        return send("POST", "/api/police/incidents", token, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HubProcess.send(port, method, path, token, body);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 8000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (polled.isEmpty() && !out.isEmpty()) {
                    emptyPolls++;
                }
                polled.forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String newReference() {
        return "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An incident as police post it; a second child (Ben) at another school when {@code secondUrn} is given. */
    static String incident(String reference, String urn, String secondUrn) {
        String ben = secondUrn == null
                ? ""
                : ", {\"ref\": \"c2\", \"role\": \"CHILD\", \"givenName\": \"Ben\", \"familyName\": \"Smith\","
                        + " \"dateOfBirth\": \"2012-09-14\", \"sex\": \"MALE\", \"schoolUrn\": \"" + secondUrn
                        + "\", \"present\": false}";
        return """
                {
                  "reference": "%s",
                  "occurredAt": "2026-11-22T21:40:00Z",
                  "place": {"lines": ["12 Acacia Avenue", "Chesterfield"], "postcode": "S41 7AB", "uprn": "100030000001"},
                  "riskLevel": "MEDIUM",
                  "officerNotes": "Perpetrator shouted at officers; victim disclosed previous assaults",
                  "people": [
                    {"ref": "c1", "role": "CHILD", "givenName": "Amy", "familyName": "Smith", "dateOfBirth": "2016-04-03",
                     "sex": "FEMALE", "nhsNumber": "9434765919", "schoolUrn": "%s", "present": true}%s,
                    {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Victimname", "familyName": "Smith",
                     "dateOfBirth": "1988-02-01", "sex": "FEMALE"},
                    {"ref": "p1", "role": "PERPETRATOR", "givenName": "Perpetratorname", "familyName": "Jones",
                     "dateOfBirth": "1985-07-09", "sex": "MALE"}
                  ]
                }
                """
                .formatted(reference, urn, ben);
    }
}

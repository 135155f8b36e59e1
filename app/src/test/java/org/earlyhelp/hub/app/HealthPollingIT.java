package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.earlyhelp.hub.connector.health.fhir.NhsNumber;
import org.earlyhelp.hub.connector.health.trust.TrustFhirServer;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub against a real FHIR server playing the local NHS trust, over HTTP: it polls the trust (several pages of
 * Patients), so a child the trust alone knows is then known to {@code $person-info-query}; a Patient that cannot be
 * mapped is dead-lettered and the poll goes on past it; and an Operation Encompass notification about a child with
 * an NHS number is filed with the trust as a Communication about that patient.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.simulator.enabled=false",
            "hub.connectors.health.fhir.poll-interval=1s",
            "hub.connectors.health.fhir.page-size=20"
        })
class HealthPollingIT {

    static final TrustFhirServer trust = TrustFhirServer.start(0);
    static final HttpClient http = HttpClient.newHttpClient();

    static {
        // more Patients than fit in three pages, the bad one among them, and the one the test asks about last
        for (int i = 0; i < 70; i++) {
            trust.store(patient("p" + i, nhs(i), "Given" + i, "Family" + i, "2015-01-" + (10 + i % 18)));
        }
        trust.store(patient("bad", "9458073023", "Zephyrine", "Quillon", "2019-03-02")); // check digit fails
        trust.store(patient("known", "4056086567", "Maisie", "Fairbrother", "2021-06-15"));
    }

    @DynamicPropertySource
    static void trustBase(DynamicPropertyRegistry registry) throws Exception {
        registry.add("hub.connectors.health.fhir.base-url", trust::baseUrl);
        registry.add("hub.agreements.dir", () -> agreements().toString());
    }

    /** The shipped agreements and the example that sends Operation Encompass notifications to health. */
    static java.nio.file.Path agreements() {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "it-agreements-" + UUID.randomUUID());
            java.nio.file.Files.createDirectories(dir);
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "agreements"))) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            java.nio.file.Path example = java.nio.file.Path.of(
                    "..", "docs", "examples", "agreements", "police-to-health-domestic-abuse.yaml");
            java.nio.file.Files.copy(example, dir.resolve(example.getFileName()));
            return dir.toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        trust.close();
    }

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aChildOnlyTheTrustKnowsIsKnownOnceItIsPolledAndTheUnmappableOneIsDeadLettered() throws Exception {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            HttpResponse<String> known = query("4056086567", "Maisie", "Fairbrother", "2021-06-15");
            assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
            assertThat(known.body()).contains("\"valueBoolean\":true", "health:RFS");
        });
        // records are resolved into the person index from several partitions: one polled earlier may land later
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(query(nhs(65), "Given65", "Family65", "2015-01-" + (10 + 65 % 18))
                                .body())
                        .as("a Patient from the fourth page")
                        .contains("\"valueBoolean\":true"));
        ConsumerRecord<String, byte[]> letter = deadLetter("Zephyrine");
        String reason = new String(letter.headers().lastHeader("hub-dlq-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("identifier").doesNotContain("9458073023", "Zephyrine", "Quillon");
    }

    @Test
    void anOperationEncompassNotificationIsFiledWithTheTrustAsACommunicationAboutThePatient() throws Exception {
        String reference = "DA/2026/" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> incident = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/police/incidents"))
                        .header("Authorization", "Bearer police-dev-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                """
                                {"reference": "%s", "occurredAt": "2026-11-22T21:40:00Z",
                                 "place": {"lines": ["12 Acacia Avenue", "Chesterfield"], "postcode": "S41 7AB"},
                                 "riskLevel": "MEDIUM", "officerNotes": "Perpetrator shouted at officers",
                                 "people": [
                                  {"ref": "c1", "role": "CHILD", "givenName": "Amy", "familyName": "Smith",
                                   "dateOfBirth": "2016-04-03", "nhsNumber": "9070293137", "sex": "FEMALE",
                                   "schoolUrn": "123456", "present": true},
                                  {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Jo", "familyName": "Smith",
                                   "dateOfBirth": "1988-02-01"}]}"""
                                        .formatted(reference)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(filed(reference)).hasSize(1));
        Communication c = filed(reference).get(0);
        assertThat(c.getSubject().getIdentifier().getSystem()).isEqualTo(NhsNumber.SYSTEM);
        assertThat(c.getSubject().getIdentifier().getValue()).isEqualTo("9070293137");
        assertThat(c.getReasonCodeFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("police-to-health-domestic-abuse");
        assertThat(payload(c)).contains("incident.place: S41").doesNotContain("shouted", "Acacia");
    }

    private static List<Communication> filed(String reference) {
        return trust.communications().stream()
                .filter(c -> payload(c).contains(reference))
                .toList();
    }

    private static String payload(Communication c) {
        StringBuilder b = new StringBuilder();
        c.getPayload()
                .forEach(p -> b.append(p.getContentStringType().getValue()).append('\n'));
        return b.toString();
    }

    private HttpResponse<String> query(String nhs, String given, String family, String born) throws Exception {
        String body =
                """
                {"resourceType": "Parameters", "parameter": [
                  {"name": "resource", "resource": {"resourceType": "Patient",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                    "name": [{"family": "%s", "given": ["%s"]}], "birthDate": "%s"}},
                  {"name": "reason", "valueUri": "https://www.legislation.gov.uk/ukpga/1989/41/section/47"},
                  {"name": "policy", "valueUri": "urn:earlyhelp:agreement:health-person-info-query"}]}"""
                        .formatted(nhs, family, given, born);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/$person-info-query"))
                        .header("Authorization", "Bearer casesystem-dev-token")
                        .header("Content-Type", "application/fhir+json")
                        .header("X-Hub-Professional", "sw-1234")
                        .header("X-Hub-Professional-Role", "social-worker")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ConsumerRecord<String, byte[]> deadLetter(String marker) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "health-poll-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("hub.dlq.health"));
            long until = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(marker)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for the unmappable Patient");
    }

    static Patient patient(String id, String nhs, String given, String family, String born) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(nhs);
        p.addName().setFamily(family).addGiven(given);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(born));
        p.setGender(AdministrativeGender.FEMALE);
        p.addAddress().addLine("1 Holywell Street").setCity("Chesterfield").setPostalCode("S41 7SH");
        return p;
    }

    /** A valid NHS number per index (modulus 11), none of them another test's. */
    static String nhs(int i) {
        for (long n = 600_000_000L + i * 97L; ; n++) {
            String nine = Long.toString(n);
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (nine.charAt(d) - '0') * (10 - d);
            }
            int check = 11 - sum % 11;
            check = check == 11 ? 0 : check;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}

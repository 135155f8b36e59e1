package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health over FHIR R4 through the running hub, on the real embedded broker and PostgreSQL: a transaction Bundle is
 * stored whole and once, or refused whole with an OperationOutcome issue per problem and its unmappable entries
 * dead-lettered with reasons that quote nothing; every refusal of the FHIR endpoint is an OperationOutcome;
 * {@code $person-info-query} answers a known, an unknown and a not-permitted child (and holds a section 17 request
 * for review), each ledgered before the answer; and the lead practitioner's family view shows the health involvement
 * and the safeguarding flag that came as FHIR, once health's FHIR Consent is recorded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
class HealthFhirIT {

    static final String HEALTH = "health-dev-token";
    static final String CASESYSTEM = "casesystem-dev-token";
    static final String FHIR_JSON = "application/fhir+json";
    static final String S47 = "https://www.legislation.gov.uk/ukpga/1989/41/section/47";
    static final String S17 = "https://www.legislation.gov.uk/ukpga/1989/41/section/17";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aTransactionBundleIsStoredWholeAndOnce() throws Exception {
        String bundle = family("9458073022", "Ellie", "Marsh", "2024-02-11", "Kate", "1996-05-20");

        HttpResponse<String> first = post("/fhir", HEALTH, bundle);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode entries = json.readTree(first.body()).get("entry");
        assertThat(entries).hasSize(5);
        for (JsonNode e : entries) {
            assertThat(e.at("/response/status").asText()).isEqualTo("201 Created");
            assertThat(e.at("/response/location").asText()).matches("[A-Za-z]+/[0-9a-f-]{36}");
        }
        // the same Bundle again (a retry after a timeout) is the same records: each entry is already stored
        HttpResponse<String> again = post("/fhir", HEALTH, bundle);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode replayed = json.readTree(again.body()).get("entry");
        for (int i = 0; i < entries.size(); i++) {
            assertThat(replayed.get(i).at("/response/status").asText()).isEqualTo("200 OK");
            assertThat(replayed.get(i).at("/response/location").asText())
                    .isEqualTo(entries.get(i).at("/response/location").asText());
        }
    }

    @Test
    void aBundleWithAnUnmappableEntryIsRefusedWholeWithAnIssuePerProblemAndDeadLettered() throws Exception {
        // Given a Bundle whose patient's NHS number fails its check digit, and an encounter with no subject
        String marker = "Q" + UUID.randomUUID().toString().substring(0, 8);
        String bundle =
                """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:%s", "request": {"method": "POST", "url": "Patient"},
                   "resource": {"resourceType": "Patient", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                     "value": "9458073023"}], "name": [{"family": "Zephyrine", "given": ["%s"]}],
                     "birthDate": "2019-03-02"}},
                  {"request": {"method": "POST", "url": "Encounter"},
                   "resource": {"resourceType": "Encounter", "id": "enc-%s", "status": "finished",
                     "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "EMER"}}}]}"""
                        .formatted(UUID.randomUUID(), marker, marker);

        HttpResponse<String> refused = post("/fhir", HEALTH, bundle);

        // Then nothing is stored, every problem is an issue naming its entry, and nothing sent is quoted back
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode outcome = json.readTree(refused.body());
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        List<String> expressions = new ArrayList<>();
        outcome.get("issue").forEach(i -> expressions.add(i.at("/expression/0").asText()));
        assertThat(expressions).anyMatch(e -> e.startsWith("Bundle.entry[0].resource"));
        assertThat(expressions).anyMatch(e -> e.startsWith("Bundle.entry[1].resource"));
        assertThat(refused.body()).doesNotContain("9458073023", "Zephyrine", marker, "2019-03-02");
        // and both entries are on hub.dlq.health, each with a reason that quotes nothing either
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(marker, 2);
        assertThat(letters).hasSize(2);
        for (ConsumerRecord<String, byte[]> letter : letters) {
            String reason =
                    new String(letter.headers().lastHeader("hub-dlq-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).isNotBlank().doesNotContain("9458073023", "Zephyrine", marker);
            assertThat(letter.key()).doesNotContain(marker);
        }
    }

    @Test
    void everyRefusalOfTheFhirEndpointIsAnOperationOutcomeWithoutAStackTrace() throws Exception {
        Map<String, HttpResponse<String>> answers = Map.of(
                "broken JSON", post("/fhir/Patient", HEALTH, "{\"resourceType\": \"Patient\", "),
                "a Patient posted as an Encounter", post("/fhir/Encounter", HEALTH, patient("p1", "9458073022")),
                "a type the hub does not take",
                        post("/fhir/Observation", HEALTH, "{\"resourceType\": \"Observation\"}"),
                "another partner's credential", post("/fhir/Patient", "police-dev-token", patient("p1", "9458073022")),
                "no credential", post("/fhir/Patient", null, patient("p1", "9458073022")),
                "an unknown element",
                        post("/fhir/Patient", HEALTH, "{\"resourceType\": \"Patient\", \"nickname\": \"Bo\"}"));
        answers.forEach((what, r) -> {
            assertThat(r.statusCode()).as(what).isBetween(400, 499);
            assertThat(r.body()).as(what).contains("\"resourceType\":\"OperationOutcome\"");
            assertThat(r.body()).as(what).doesNotContain("at org.", "Exception", "Bo\"");
        });
        assertThat(answers.get("another partner's credential").statusCode()).isEqualTo(403);
        assertThat(answers.get("no credential").statusCode()).isEqualTo(401);
    }

    @Test
    void isThisChildKnownAnswersTheKnownTheUnknownAndRefusesTheNotPermittedLedgeringEach() throws Exception {
        // Given health knows one child through FHIR and another only through the hub's own JSON
        HttpResponse<String> stored =
                post("/fhir", HEALTH, family("1573681938", "Noah", "Brindley", "2023-07-14", "Ann", "1995-01-30"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        HttpResponse<String> posted = send(
                "/api/health/involvements",
                HEALTH,
                "application/json",
                """
                {"people": [{"ref": "c", "role": "CHILD", "givenName": "Ivy", "familyName": "Cresswell",
                   "dateOfBirth": "2017-09-09", "nhsNumber": "9972200337"}],
                 "involvement": {"service": "school-nursing", "since": "2024-09-01", "team": "School Nursing North"}}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        // When children's social care asks under section 47, then both are known, with whom to ask
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> known = query(CASESYSTEM, "1573681938", "Noah", "Brindley", "2023-07-14", S47);
            assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
            assertThat(match(known)).isTrue();
            assertThat(known.body()).contains("health:RFS", "Safeguarding Children Team");
            HttpResponse<String> jsonOnly = query(CASESYSTEM, "9972200337", "Ivy", "Cresswell", "2017-09-09", S47);
            assertThat(match(jsonOnly))
                    .as("known through the hub's JSON, not FHIR")
                    .isTrue();
        });
        // a child nobody knows is no match, and the answer says nothing more
        HttpResponse<String> unknown = query(CASESYSTEM, "2245383230", "Orla", "Fenwick", "2020-12-01", S47);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(match(unknown)).isFalse();
        assertThat(unknown.body()).doesNotContain("contact");
        // a partner the agreement does not name is refused before anyone looks the child up
        HttpResponse<String> schools = query("schools-dev-token", "1573681938", "Noah", "Brindley", "2023-07-14", S47);
        assertThat(schools.statusCode()).isEqualTo(403);
        assertThat(schools.body()).contains("OperationOutcome", "forbidden").doesNotContain("match");
        // a section 17 request is held for the disclosure review, with no answer
        HttpResponse<String> s17 = query("police-dev-token", "1573681938", "Noah", "Brindley", "2023-07-14", S17);
        assertThat(s17.statusCode()).isEqualTo(202);
        assertThat(s17.body()).contains("disclosure review").doesNotContain("match");
        // a reason outside the controlled vocabulary is a 400
        HttpResponse<String> vague =
                query(CASESYSTEM, "1573681938", "Noah", "Brindley", "2023-07-14", "https://example.org/concern");
        assertThat(vague.statusCode()).isEqualTo(400);

        // Then every decided request is in the ledger with its decision, requester, professional and answer
        JsonNode ledger = json.readTree(get("/api/ledger/agreements/health-person-info-query", "governance-dev-token"));
        List<String> seen = new ArrayList<>();
        ledger.findValues("decision").forEach(d -> seen.add(d.asText()));
        assertThat(seen).contains("PERMIT", "DENY", "REVIEW");
        String text = ledger.toString();
        assertThat(text).contains("sw-1234", "children-act-1989-s47", "no-match", "casesystem:early-help-north");
        assertThat(text).doesNotContain("Brindley", "1573681938", "2023-07-14");
    }

    @Test
    void theFamilyViewShowsTheHealthInvolvementAndFlagThatCameAsFhirOnceHealthsConsentIsRecorded() throws Exception {
        // Given health sends the child's record as FHIR, and the case system opens an early-help case for her
        String nhs = "5499095140";
        HttpResponse<String> stored =
                post("/fhir", HEALTH, family(nhs, "Jessica", "Ashworth", "2015-03-04", "Rose", "1987-06-01"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        HttpResponse<String> opened = send(
                "/api/casesystem/involvements",
                CASESYSTEM,
                "application/json",
                CaseSystemConnectorIT.involvement(nhs, "open", null));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
        String caseRecord = json.readTree(opened.body()).get("id").asText();

        // When health records the family's consent as a FHIR Consent (retried until the patient is indexed)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> consent = post("/fhir", HEALTH, consent(nhs, "Jessica", "Ashworth", "2015-03-04"));
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
            assertThat(consent.body()).contains("recorded as consent");
        });

        // Then the lead practitioner sees the health visiting involvement and the safeguarding flag, as agreed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> view = familyView(caseRecord);
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(view.body())
                    .contains("health:RFS", "involvement.service", "flag.description", "Child protection plan");
        });
        assertThat(familyView(caseRecord).body()).doesNotContain("reasonText", "clinical");
    }

    @Test
    void threeHundredHostileInputsAreEachAnsweredWithAnOperationOutcomeOrStoredAndNoneCrashesTheEndpoint()
            throws Exception {
        java.util.Random random = new java.util.Random(11);
        String valid = family("9458073022", "Ellie", "Marsh", "2024-02-11", "Kate", "1996-05-20");
        String[] endpoints = {"/fhir", "/fhir/Patient", "/fhir/Encounter", "/fhir/Flag", "/fhir/Consent"};
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            String body =
                    switch (i % 6) {
                        case 0 -> valid.substring(0, random.nextInt(valid.length())); // truncated
                        case 1 -> flip(valid, random); // a byte changed
                        case 2 ->
                            valid.replace(
                                    "\"Bundle\"",
                                    "\""
                                            + List.of("Basic", "Observation", "Patient", "Nope")
                                                    .get(random.nextInt(4)) + "\""); // wrong resource type
                        case 3 ->
                            valid.replace("9458073022", String.valueOf(1_000_000_000L + random.nextInt(999_999_999)))
                                    .replace("\"2024-02-11\"", random.nextBoolean() ? "\"2024-13-40\"" : "20240211");
                        case 4 -> valid.replace("\"status\": \"active\"", "\"status\": " + random.nextInt());
                        default -> huge(random.nextInt(3) == 0 ? 1_200 : 40);
                    };
            HttpResponse<String> r = post(endpoints[random.nextInt(endpoints.length)], HEALTH, body);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertThat(r.statusCode()).as("input " + i).isLessThan(500);
            if (r.statusCode() >= 400) {
                assertThat(r.body()).as("input " + i).contains("\"resourceType\":\"OperationOutcome\"");
                assertThat(r.body()).as("input " + i).doesNotContain("at org.", "Exception", "Marsh", "9458073022");
            }
        }
        System.out.println("FHIR endpoint fuzz: 300 inputs, answers by status " + statuses);
        assertThat(statuses.keySet()).anyMatch(s -> s >= 400);
    }

    private static String flip(String s, java.util.Random random) {
        char[] chars = s.toCharArray();
        int at = random.nextInt(chars.length);
        String pool = "{}[]\":,x0 ";
        chars[at] = pool.charAt(random.nextInt(pool.length()));
        return new String(chars);
    }

    /** A transaction Bundle of {@code n} Patients (beyond the hub's entry cap, or its body limit, when large). */
    private static String huge(int n) {
        StringBuilder b = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"request\": {\"method\": \"PUT\", \"url\": \"Patient/h")
                    .append(i)
                    .append("\"},")
                    .append("\"resource\": ")
                    .append(patient("h" + i, "9458073022"))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    /** A child, her mother, a health visiting episode, an emergency attendance and a safeguarding flag. */
    static String family(String nhs, String given, String family, String born, String mother, String motherBorn) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"request": {"method": "PUT", "url": "Patient/pt-%1$s"},
                   "resource": %2$s},
                  {"request": {"method": "PUT", "url": "RelatedPerson/rp-%1$s"},
                   "resource": {"resourceType": "RelatedPerson", "id": "rp-%1$s", "meta": {"versionId": "1"},
                     "active": true, "patient": {"reference": "Patient/pt-%1$s"},
                     "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                       "code": "MTH"}]}],
                     "name": [{"family": "%4$s", "given": ["%5$s"]}], "birthDate": "%6$s",
                     "address": [{"line": ["12 Oak Road"], "city": "Chesterfield", "postalCode": "S41 7AB"}]}},
                  {"request": {"method": "PUT", "url": "EpisodeOfCare/eoc-%1$s"},
                   "resource": {"resourceType": "EpisodeOfCare", "id": "eoc-%1$s", "meta": {"versionId": "1"},
                     "status": "active", "type": [{"text": "health-visiting"}],
                     "patient": {"reference": "Patient/pt-%1$s"}, "period": {"start": "2025-01-06"},
                     "careManager": {"display": "Chesterfield Health Visiting Team"}}},
                  {"request": {"method": "PUT", "url": "Encounter/enc-%1$s"},
                   "resource": {"resourceType": "Encounter", "id": "enc-%1$s", "meta": {"versionId": "1"},
                     "status": "finished",
                     "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "EMER"},
                     "subject": {"reference": "Patient/pt-%1$s"},
                     "period": {"start": "2026-11-20T22:10:00Z", "end": "2026-11-21T01:30:00Z"},
                     "serviceProvider": {"display": "Chesterfield Royal Hospital"}}},
                  {"request": {"method": "PUT", "url": "Flag/flag-%1$s"},
                   "resource": {"resourceType": "Flag", "id": "flag-%1$s", "meta": {"versionId": "1"},
                     "status": "active",
                     "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/flag-category",
                       "code": "safety"}]}],
                     "code": {"coding": [{"system": "http://snomed.info/sct", "code": "395162008",
                       "display": "Child protection plan"}], "text": "Child protection plan"},
                     "subject": {"reference": "Patient/pt-%1$s"}, "period": {"start": "2026-10-01"},
                     "author": {"display": "Chesterfield Royal Hospital Safeguarding"}}}]}"""
                .formatted(id, patient("pt-" + id, nhs, given, family, born), born, family, mother, motherBorn);
    }

    static String patient(String id, String nhs) {
        return patient(id, nhs, "Ellie", "Marsh", "2024-02-11");
    }

    static String patient(String id, String nhs, String given, String family, String born) {
        return """
                {"resourceType": "Patient", "id": "%s", "meta": {"versionId": "1"},
                 "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                 "name": [{"use": "official", "family": "%s", "given": ["%s"]}], "gender": "female",
                 "birthDate": "%s",
                 "address": [{"line": ["12 Oak Road"], "city": "Chesterfield", "postalCode": "S41 7AB"}]}"""
                .formatted(id, nhs, family, given, born);
    }

    /** The child's record and the mother's consent to the two health family-view agreements, given for a year. */
    static String consent(String nhs, String given, String family, String born) {
        String id = "pt-consent-" + nhs;
        return """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"request": {"method": "PUT", "url": "Patient/%1$s"}, "resource": %2$s},
                  {"request": {"method": "PUT", "url": "Consent/c-%1$s"},
                   "resource": {"resourceType": "Consent", "id": "c-%1$s", "meta": {"versionId": "1"},
                     "status": "active",
                     "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                       "code": "patient-privacy"}]},
                     "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
                     "patient": {"reference": "Patient/%1$s"},
                     "performer": [{"reference": "RelatedPerson/mother", "display": "mother"},
                       {"reference": "Practitioner/hv-42", "display": "hv-42"}],
                     "sourceReference": {"reference": "DocumentReference/signed-form-1"},
                     "policy": [{"uri": "urn:earlyhelp:agreement:health-to-casesystem-family-view"},
                       {"uri": "urn:earlyhelp:agreement:health-flag-to-casesystem-family-view"}],
                     "provision": {"type": "permit", "period": {"start": "2026-11-01", "end": "2027-06-30"}}}}]}"""
                .formatted(id, patient(id, nhs, given, family, born));
    }

    private HttpResponse<String> query(
            String token, String nhs, String given, String family, String born, String reason) throws Exception {
        String body =
                """
                {"resourceType": "Parameters", "parameter": [
                  {"name": "resource", "resource": {"resourceType": "Patient",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                    "name": [{"family": "%s", "given": ["%s"]}], "birthDate": "%s"}},
                  {"name": "reason", "valueUri": "%s"},
                  {"name": "policy", "valueUri": "urn:earlyhelp:agreement:health-person-info-query"}]}"""
                        .formatted(nhs, family, given, born, reason);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/$person-info-query"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", FHIR_JSON)
                        .header("X-Hub-Professional", "sw-1234")
                        .header("X-Hub-Professional-Role", "social-worker")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean match(HttpResponse<String> answer) throws Exception {
        for (JsonNode p : json.readTree(answer.body()).get("parameter")) {
            if (p.get("name").asText().equals("match")) {
                return p.get("valueBoolean").asBoolean();
            }
        }
        throw new AssertionError("no match parameter in " + answer.statusCode());
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String marker, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "health-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("hub.dlq.health"));
            long until = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(marker)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private HttpResponse<String> familyView(String record) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/family-view?record=" + record + "&person=c"))
                        .header("Authorization", "Bearer " + CASESYSTEM)
                        .header("X-Hub-Professional", "lp-42")
                        .header("X-Hub-Professional-Role", "lead-practitioner")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path, String token) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(path, token, FHIR_JSON, body);
    }

    private HttpResponse<String> send(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

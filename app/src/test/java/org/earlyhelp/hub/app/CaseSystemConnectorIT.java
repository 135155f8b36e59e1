package org.earlyhelp.hub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case system through the running hub, on the real embedded broker and PostgreSQL, with its webhook played by
 * WireMock: an involvement opens the relationship the lead practitioner's family view rests on and a closing one ends
 * it, people in the DfE Person standard shape do the same, referrals and assessments are kept once by their
 * reference, bad bodies are refused by field and reason, and a police domestic abuse incident reaches the case
 * system's front door with exactly the agreed fields.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.connectors.casesystem.webhook-token=" + CaseSystemConnectorIT.WEBHOOK_TOKEN,
            "hub.connectors.casesystem.initial-backoff=50ms",
            // the hostile-traffic test posts 400 bodies as fast as it can: the rate limit is not what it tests
            "hub.security.rate-limit.requests-per-second=1000",
            "hub.security.rate-limit.burst=1000"
        })
class CaseSystemConnectorIT {

    static final String CASESYSTEM = "casesystem-dev-token";
    static final String GOVERNANCE = "governance-dev-token";
    static final String WEBHOOK_TOKEN = "casesystem-webhook-it-token-0001";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static final WireMockServer webhook =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        webhook.start();
        webhook.stubFor(post(urlPathEqualTo("/casesystem/front-door"))
                .willReturn(aResponse().withStatus(202)));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "hub.connectors.casesystem.webhook-url",
                () -> "http://127.0.0.1:" + webhook.port() + "/casesystem/front-door");
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop();
    }

    @Test
    void anOpenInvolvementLicensesTheLeadPractitionersViewAndAClosingOneEndsIt() throws Exception {
        // Given the case system opens an early-help case for a girl and her mother with a named lead practitioner
        String nhs = "9434765919";
        HttpResponse<String> opened =
                send("POST", "/api/casesystem/involvements", CASESYSTEM, involvement(nhs, "open", null));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
        String record = json.readTree(opened.body()).get("id").asText();
        // When the lead practitioner asks for the girl's family
        // Then the view rests on the open involvement
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> view = familyView(record);
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(json.readTree(view.body()).get("relationship").asText()).isEqualTo("open-involvement");
        });
        // When the case system closes the involvement
        HttpResponse<String> closed =
                send("POST", "/api/casesystem/involvements", CASESYSTEM, involvement(nhs, "closed", "2026-11-30"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        // Then the relationship has ended and the view is refused
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(familyView(record).statusCode()).isEqualTo(403));
    }

    @Test
    void peopleInThePersonStandardShapeOpenTheRelationshipToo() throws Exception {
        String body =
                """
                {"people": [{"ref": "c", "role": "CHILD", "person": {
                   "@type": "Person",
                   "Identifier": [{"value": "401 023 2137", "system": "https://fhir.nhs.uk/Id/nhs-number"},
                                  {"value": "MOSAIC-77123", "system": "https://derbyshire.gov.uk/id/mosaic-person"}],
                   "Name": {"familyName": "Brennan", "givenNames": ["Orla", "Mae"], "use": "official"},
                   "DateOfBirth": {"date": "2014-06-21", "accuracyIndicator": "AAA"},
                   "Address": [{"line1": "4 Mill Lane", "city": "Matlock", "postcode": "DE4 3AA", "UPRN": 10010001234}],
                   "SexCode": "2"}}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01",
                    "leadPractitioner": "Family Support Team South", "levelOfNeed": 2}}""";
        HttpResponse<String> accepted = send("POST", "/api/casesystem/people-standard/involvements", CASESYSTEM, body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String record = json.readTree(accepted.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(familyView(record).statusCode()).isEqualTo(200));
        // and a mistake in the standard's shape is named by the standard's own key, quoting nothing sent
        HttpResponse<String> refused = send(
                "POST",
                "/api/casesystem/people-standard/involvements",
                CASESYSTEM,
                body.replace("\"SexCode\": \"2\"", "\"SexCode\": \"female\""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("people[0].person.SexCode");
        assertThat(refused.body()).doesNotContain("female", "Brennan");
    }

    @Test
    void referralsAndAssessmentsAreKeptOnceByTheirReferenceAndBadBodiesRefusedByField() throws Exception {
        String reference = "EH-REF-" + UUID.randomUUID().toString().substring(0, 8);
        String referral = referral(reference, 4);
        HttpResponse<String> first = send("POST", "/api/casesystem/referrals", CASESYSTEM, referral);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        // the same referral again is the same record; different content under its reference is a conflict
        HttpResponse<String> again = send("POST", "/api/casesystem/referrals", CASESYSTEM, referral);
        assertThat(json.readTree(again.body()).get("id"))
                .isEqualTo(json.readTree(first.body()).get("id"));
        HttpResponse<String> conflict = send(
                "POST",
                "/api/casesystem/referrals",
                CASESYSTEM,
                referral(reference, 4).replace("2026-10-28", "2026-10-29"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        // a step up below level 4 is refused by field and reason, in the hub's one error shape
        HttpResponse<String> low = send("POST", "/api/casesystem/referrals", CASESYSTEM, referral("EH-REF-LOW", 2));
        assertThat(low.statusCode()).isEqualTo(400);
        assertThat(json.readTree(low.body()))
                .isEqualTo(json.readTree("{\"errors\":[{\"field\":\"referral.levelOfNeed\","
                        + "\"reason\":\"a step up to social care is at level 4 (specialist)\"}]}"));
        HttpResponse<String> assessment = send("POST", "/api/casesystem/assessments", CASESYSTEM, assessment());
        assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(202);
        // another partner may not post here at all
        assertThat(send("POST", "/api/casesystem/referrals", "health-dev-token", referral)
                        .statusCode())
                .isEqualTo(403);
        // and the console's counts see both outcomes
        assertThat(count("received")).isGreaterThanOrEqualTo(2.0);
        assertThat(count("rejected")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aPoliceDomesticAbuseIncidentReachesTheFrontDoorWithOnlyTheAgreedFields() throws Exception {
        // Given police report an incident with a child, an adult victim and a perpetrator
        String reference = "DA/CS/" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> accepted = send("POST", "/api/police/incidents", "police-dev-token", incident(reference));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String recordId = json.readTree(accepted.body()).get("id").asText();
        // Then the case system's webhook receives one notification for the child, with the hub's token
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(notifications(reference)).hasSize(1));
        LoggedRequest received = notifications(reference).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + WEBHOOK_TOKEN);
        assertThat(received.getHeader("Idempotency-Key")).isNotBlank();
        JsonNode body = json.readTree(received.getBodyAsString());
        assertThat(body.get("agreement").get("id").asText()).isEqualTo("police-to-casesystem-domestic-abuse");
        assertThat(body.get("recipient").get("partner").asText()).isEqualTo("casesystem");
        assertThat(iterable(body.get("fields").fieldNames()))
                .containsExactlyInAnyOrder(
                        "child.name",
                        "child.date-of-birth",
                        "incident.reference",
                        "incident.occurred-at",
                        "incident.risk-level",
                        "incident.place",
                        "incident.child-present");
        assertThat(body.get("fields").get("incident.place").asText()).isEqualTo("S41");
        assertThat(received.getBodyAsString()).doesNotContain("Perpetratorname", "Victimname", "shouted");
        // and the ledger records the delivery to the case system
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where record_id = ? and recipient = 'casesystem'"
                                + " and decision = 'PERMIT'",
                        Integer.class,
                        recordId))
                .isEqualTo(1));
    }

    @Test
    void hundredsOfHostileBodiesGetNo5xxAndEveryRefusalNamesFieldAndReason() throws Exception {
        // Given hostile variants of a valid body for each of the case system's endpoints
        java.util.Map<String, String> valid = new java.util.LinkedHashMap<>();
        valid.put("/api/casesystem/involvements", involvement("9434765870", "open", null));
        valid.put("/api/casesystem/referrals", referral("EH-REF-HOSTILE", 4));
        valid.put("/api/casesystem/assessments", assessment());
        valid.put(
                "/api/casesystem/people-standard/involvements",
                """
                {"people": [{"ref": "c", "role": "CHILD", "person": {
                   "Identifier": [{"value": "MOSAIC-1", "system": "https://derbyshire.gov.uk/id/mosaic-person"}],
                   "Name": {"familyName": "Quillfeather", "givenNames": ["Zephyrine"]},
                   "DateOfBirth": {"date": "2013-07-19"}}}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01"}}""");
        int sent = 0;
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, String> e : valid.entrySet()) {
            List<String> bodies = org.earlyhelp.hub.connector.api.HostileJson.bodies(e.getValue())
                    .sampleStream()
                    .limit(100)
                    .toList();
            // When each is posted
            for (String body : bodies) {
                HttpResponse<String> r = send("POST", e.getKey(), CASESYSTEM, body);
                sent++;
                // Then the hub accepts it or refuses it in its one shape, naming a field and a reason, quoting nothing
                if (r.statusCode() == 202) {
                    continue;
                }
                JsonNode errors = json.readTree(r.body()).get("errors");
                boolean shaped = (r.statusCode() == 400 || r.statusCode() == 409 || r.statusCode() == 413)
                        && errors != null
                        && errors.size() > 0;
                if (shaped) {
                    for (JsonNode error : errors) {
                        shaped &= error.hasNonNull("reason")
                                && !error.get("reason").asText().isBlank();
                        shaped &= r.statusCode() == 409 || error.hasNonNull("field");
                    }
                }
                if (!shaped
                        || org.earlyhelp.hub.connector.api.HostileJson.MARKERS.stream()
                                .anyMatch(r.body()::contains)) {
                    failures.add(e.getKey() + " " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertThat(sent).isEqualTo(400);
        assertThat(failures).isEmpty();
    }

    private List<LoggedRequest> notifications(String reference) {
        return webhook.findAll(postRequestedFor(urlPathEqualTo("/casesystem/front-door"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"" + reference + "\""))
                .toList();
    }

    private double count(String outcome) throws Exception {
        HttpResponse<String> metric = send(
                "GET", "/actuator/metrics/hub.records?tag=partner:casesystem&tag=outcome:" + outcome, GOVERNANCE, null);
        if (metric.statusCode() != 200) {
            return 0;
        }
        return json.readTree(metric.body())
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }

    private HttpResponse<String> familyView(String record) throws Exception {
        return send(
                "GET",
                "/api/family-view?record=" + record + "&person=c",
                CASESYSTEM,
                null,
                "X-Hub-Professional",
                "lp-42",
                "X-Hub-Professional-Role",
                "lead-practitioner");
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    static String involvement(String nhs, String status, String closedOn) {
        return """
                {"people": [
                   {"ref": "c", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "nhsNumber": "%s",
                    "address": {"lines": ["12 Oak Road", "Chesterfield"], "postcode": "S41 7AB"}},
                   {"ref": "m", "role": "PARENT", "givenName": "Rose", "familyName": "Ashworth",
                    "dateOfBirth": "1987-06-01", "address": {"lines": ["12 Oak Road", "Chesterfield"], "postcode": "S41 7AB"}}],
                 "caseInvolvement": {"caseType": "early-help", "status": "%s", "openedOn": "2026-10-01",%s
                    "leadPractitioner": "Family Support Team North", "levelOfNeed": 3,
                    "relationships": [{"fromRef": "m", "toRef": "c", "kind": "PARENT_OF"}]}}"""
                .formatted(nhs, status, closedOn == null ? "" : " \"closedOn\": \"" + closedOn + "\",");
    }

    static String referral(String reference, int level) {
        return """
                {"people": [{"ref": "c", "role": "CHILD", "givenName": "Tom", "familyName": "Ashworth",
                   "dateOfBirth": "2018-11-30"}],
                 "referral": {"reference": "%s", "direction": "STEP_UP", "referredOn": "2026-10-28",
                   "reason": "neglect", "levelOfNeed": %d, "referredBy": "Family Support Team North",
                   "toTeam": "Front Door", "referred": ["c"]}}"""
                .formatted(reference, level);
    }

    static String assessment() {
        return """
                {"people": [
                   {"ref": "c", "role": "CHILD", "givenName": "Tom", "familyName": "Ashworth", "dateOfBirth": "2018-11-30"},
                   {"ref": "m", "role": "PARENT", "givenName": "Rose", "familyName": "Ashworth", "dateOfBirth": "1987-06-01"}],
                 "assessment": {"reference": "EHA-IT-%s", "completedOn": "2026-10-20", "levelOfNeed": 2,
                   "needs": ["parenting-support"],
                   "consent": {"given": true, "basis": "parental-responsibility", "givenBy": "m",
                     "recordedOn": "2026-10-20", "recordedBy": "lp-42", "recordedByRole": "lead-practitioner",
                     "reference": "EHA-CONSENT-1", "scope": ["health-to-casesystem-family-view"],
                     "expires": "2027-10-20", "people": ["c"]}}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8));
    }

    static String incident(String reference) {
        return """
                {"reference": "%s", "occurredAt": "2026-11-22T21:40:00Z",
                 "place": {"lines": ["12 Acacia Avenue", "Chesterfield"], "postcode": "S41 7AB"},
                 "riskLevel": "HIGH", "officerNotes": "Perpetrator shouted at officers",
                 "people": [
                   {"ref": "c1", "role": "CHILD", "givenName": "Lily", "familyName": "Hart", "dateOfBirth": "2017-05-09",
                    "sex": "FEMALE", "present": true},
                   {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Victimname", "familyName": "Hart",
                    "dateOfBirth": "1990-02-01", "sex": "FEMALE"},
                   {"ref": "p1", "role": "PERPETRATOR", "givenName": "Perpetratorname", "familyName": "Cole",
                    "dateOfBirth": "1986-07-09", "sex": "MALE"}]}"""
                .formatted(reference);
    }
}

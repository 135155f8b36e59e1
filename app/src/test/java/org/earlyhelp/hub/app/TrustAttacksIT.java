package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The adversarial review's attacks (Trust I findings 1-3), performed on the running hub with real Kafka and
 * PostgreSQL by partners holding valid credentials, each now getting nothing: pull by fabrication, a school asserting
 * a pupil it does not teach or at another school's URN, consent by the wrong party or with a coerced type, and a
 * caller choosing the push-only agreement's purpose for a pull.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustAttacksIT {

    static final String ADDRESS = "{\"lines\": [\"3 Elm Close\", \"Chesterfield\"], \"postcode\": \"S40 1AA\"}";
    static final String REFERENCE = "DA/2026/ATTACK-1";
    static final String LILY =
            """
            {"ref": "%s", "role": "CHILD", "givenName": "Lily", "familyName": "Hart", "dateOfBirth": "2014-05-06",
             "sex": "FEMALE", "address": %s}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PartnerClient police;
    PartnerClient lead;
    PartnerClient ourSchool;
    PartnerClient otherSchool;
    PartnerClient nurse;

    String incident;
    String rollRecord;
    String genuineAttendance;
    String unknownChild;
    String copiedAttendance;

    @BeforeAll
    void theRealChildIsKnownAndTheAttackersPostTheirRecords() throws Exception {
        police = PartnerClient.of(port, "police-dev-token");
        lead = PartnerClient.of(port, "casesystem-dev-token").as("lp-9", "lead-practitioner");
        ourSchool = PartnerClient.of(port, "schools-dev-token").as("dsl-1", "designated-safeguarding-lead");
        otherSchool = PartnerClient.of(port, "school-654321-dev-token").as("dsl-2", "designated-safeguarding-lead");
        nurse = PartnerClient.of(port, "health-dev-token").as("sn-1", "school-nurse");
        // The real child: on the roll of school 123456 (the council says so), and in a police incident
        incident = police.accepted(
                "/api/police/incidents",
                """
                {"reference": "%s", "occurredAt": "2026-11-20T21:40:00Z", "place": %s, "riskLevel": "HIGH",
                 "people": [
                   {"ref": "c1", "role": "CHILD", "givenName": "Lily", "familyName": "Hart",
                    "dateOfBirth": "2014-05-06", "sex": "FEMALE", "nhsNumber": "4010232137", "schoolUrn": "123456",
                    "present": true, "address": %s},
                   {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Anna", "familyName": "Hart",
                    "dateOfBirth": "1986-01-02", "sex": "FEMALE", "address": %s}]}
                """
                        .formatted(REFERENCE, ADDRESS, ADDRESS, ADDRESS));
        rollRecord = PartnerClient.of(port, "council-dev-token")
                .accepted("/api/schools/attendance", attendance("r", "123456"));
        genuineAttendance = ourSchool.accepted("/api/schools/attendance", attendance("p", "123456"));
        // (a) the case system fabricates an involvement holding only the NHS number, the date of birth and a
        // placeholder name, with no lead practitioner
        unknownChild = lead.accepted(
                "/api/casesystem/involvements",
                """
                {"type": "case-involvement",
                 "people": [{"ref": "u", "role": "CHILD", "givenName": "Unknown", "familyName": "Child",
                    "dateOfBirth": "2014-05-06", "nhsNumber": "4010232137"}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-11-30"}}
                """);
        // (a, b) another school copies the child's details into a roll entry at its own URN
        copiedAttendance = otherSchool.accepted("/api/schools/attendance", attendance("x", "654321"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from person_record where record_key like any(array[?, ?, ?,"
                                                + " ?, ?])",
                                        Integer.class,
                                        "police/" + incident + "#%",
                                        "council/" + rollRecord + "#%",
                                        "schools/" + genuineAttendance + "#%",
                                        "casesystem/" + unknownChild + "#%",
                                        "schools/" + copiedAttendance + "#%")
                                == 6
                        && jdbc.queryForObject(
                                        "select count(*) from relationship where record_id in (?, ?, ?)",
                                        Integer.class,
                                        rollRecord,
                                        genuineAttendance,
                                        copiedAttendance)
                                == 3);
        // The copied record resolved to the real child: the attack would have reached her police record before.
        // (Whether the identifier-only record links to her is the matcher's business; either way it must get nothing.)
        assertThat(personOf("schools/" + copiedAttendance + "#x")).isEqualTo(personOf("police/" + incident + "#c1"));
    }

    @Test
    void aFabricatedIdentifierOnlyInvolvementEstablishesNoRelationshipSoThePullGetsNothing() throws Exception {
        // When the case system pulls the real child's family through its fabricated record
        HttpResponse<String> pull = lead.get(view(unknownChild, "u"));

        // Then it is refused, shows nothing of the incident, and the attempt is a PULL entry for the board
        assertThat(pull.statusCode()).isEqualTo(403);
        assertThat(pull.body()).doesNotContain(REFERENCE).doesNotContain("Anna").doesNotContain("HIGH");
        assertThat(jdbc.queryForObject(
                        "select count(*) from relationship where record_id = ?", Integer.class, unknownChild))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'PULL'"
                                + " and actor = 'casesystem:early-help-north' and details ->> 'outcome' = 'refused'",
                        Integer.class))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCopiedRollEntryAtTheSchoolsOwnUrnIsUncorroboratedSoThePoliceIncidentIsNotDisclosed() throws Exception {
        // When the other school pulls through its copied record
        HttpResponse<String> pull = otherSchool.get(view(copiedAttendance, "x"));

        // Then the view rests on an uncorroborated relationship and holds nothing from the police
        assertThat(pull.statusCode()).as(pull.body()).isEqualTo(200);
        JsonNode view = otherSchool.json(pull);
        assertThat(view.get("corroboration").asText()).isEqualTo("uncorroborated");
        assertThat(providers(view)).isEmpty();
        assertThat(pull.body()).doesNotContain(REFERENCE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'DISCLOSURE' and record_id = ?"
                                + " and recipient = 'schools:654321' and decision = 'DENY'"
                                + " and details ->> 'corroborated' = 'uncorroborated'",
                        Integer.class,
                        incident))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRollEntryForAChildTheSchoolDoesNotTeachIsFlaggedInTheAccessReview() throws Exception {
        // Given the other school has pulled through its copied roll entry
        assertThat(otherSchool.get(view(copiedAttendance, "x")).statusCode()).isEqualTo(200);

        // When the board reads the access review
        HttpResponse<String> r = PartnerClient.of(port, "governance-dev-token").get("/api/access-review");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode review = PartnerClient.JSON.readTree(r.body());

        // Then the relationship and the pulls resting on it are flagged, and so is how soon the pull followed
        assertThat(review.get("uncorroboratedRelationships").findValuesAsText("organisation"))
                .contains("schools:654321")
                .doesNotContain("schools:123456");
        assertThat(review.get("uncorroborated").findValuesAsText("requester")).contains("schools:654321");
        assertThat(review.get("soonAfterFirstRecord").findValuesAsText("requester"))
                .contains("schools:654321");
        assertThat(r.body()).doesNotContain("Lily").doesNotContain("Hart").doesNotContain("2014-05-06");
        // and no partner may read it
        assertThat(ourSchool.get("/api/access-review").statusCode()).isEqualTo(403);
    }

    @Test
    void aSchoolAssertingAPupilAtAnotherSchoolsUrnIsRefused() throws Exception {
        // When school 654321 posts a roll entry at URN 123456
        HttpResponse<String> r = otherSchool.post("/api/schools/attendance", attendance("y", "123456"));

        // Then it is refused outright and nothing is stored or established
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("attendance.schoolUrn").doesNotContain("Lily");
        assertThat(jdbc.queryForObject(
                        "select count(*) from relationship where organisation = 'schools:654321' and detail = '123456'",
                        Integer.class))
                .isZero();
    }

    @Test
    void consentByANonCollectorOrByTheRecipientForItselfIsForbiddenAndCoercedTypesAreRejected() throws Exception {
        // the recipient (the case system) for itself, and a school: neither is the agreement's collector
        assertThat(lead.post("/api/consent", consent(unknownChild, "u", "true")).statusCode())
                .isEqualTo(403);
        assertThat(otherSchool
                        .post("/api/consent", consent(copiedAttendance, "x", "true"))
                        .statusCode())
                .isEqualTo(403);
        // the collector with a number or a string for a boolean
        HttpResponse<String> one = nurse.post("/api/consent", consent(unknownChild, "u", "1"));
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(one.body()).contains("\"field\":\"given\"");
        assertThat(nurse.post("/api/consent", consent(unknownChild, "u", "\"true\""))
                        .statusCode())
                .isEqualTo(400);
        // nothing was recorded for the child
        String child = personOf("police/" + incident + "#c1");
        assertThat(jdbc.queryForObject(
                        "select count(*) from consent_record where person_id = ?::uuid", Integer.class, child))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'CONSENT' and details ->> 'personId' = ?",
                        Integer.class,
                        child))
                .isZero();
    }

    @Test
    void aSchoolChoosingThePushAgreementsPurposeIsForbiddenWhileItsOwnPullStillWorks() throws Exception {
        // When the child's own school asks under the Operation Encompass purpose
        HttpResponse<String> push =
                ourSchool.get(view(genuineAttendance, "p") + "&purpose=safeguarding/domestic-abuse-notification");

        // Then it is refused and that text never reaches the ledger as a pull's purpose
        assertThat(push.statusCode()).isEqualTo(403);
        assertThat(push.body()).doesNotContain(REFERENCE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where details ->> 'purpose'"
                                + " = 'safeguarding/domestic-abuse-notification'",
                        Integer.class))
                .isZero();
        // while its licensed pull, through the corroborated roll, shows what the narrower agreement allows
        HttpResponse<String> pull = ourSchool.get(view(genuineAttendance, "p"));
        assertThat(pull.statusCode()).as(pull.body()).isEqualTo(200);
        JsonNode view = ourSchool.json(pull);
        assertThat(view.get("corroboration").asText()).isEqualTo("corroborated");
        assertThat(providers(view)).containsExactly("police:derbyshire");
        assertThat(pull.body()).doesNotContain(REFERENCE).doesNotContain("HIGH");
    }

    static String attendance(String ref, String urn) {
        return """
                {"type": "school-attendance", "people": [%s],
                 "attendance": {"schoolUrn": "%s", "term": "2026-autumn", "attendancePercent": 91.0}}
                """
                .formatted(LILY.formatted(ref, ADDRESS), urn);
    }

    static String consent(String record, String ref, String given) {
        return """
                {"record": "%s", "person": "%s", "scope": ["health-to-casesystem-family-view"], "given": %s,
                 "basis": "parental-responsibility", "reference": "FORM-1", "expires": "2027-08-31"}
                """
                .formatted(record, ref, given);
    }

    static String view(String record, String ref) {
        return "/api/family-view?record=" + record + "&person=" + ref;
    }

    private String personOf(String recordKey) {
        return jdbc.queryForObject(
                "select person_id::text from person_record where record_key = ?", String.class, recordKey);
    }

    private static List<String> providers(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.get("members").forEach(m -> m.get("entries")
                .forEach(e -> out.add(e.get("provider").asText())));
        return out;
    }
}

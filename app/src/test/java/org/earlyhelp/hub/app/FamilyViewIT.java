package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records about one child from four partners (the case system, a school, health and the police), each spelled their
 * own way, become one person in one family; the lead practitioner's view shows each member exactly what the
 * agreements allow, and a school's designated safeguarding lead, under a narrower agreement, sees less.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FamilyViewIT {

    static final String CASESYSTEM = "casesystem-dev-token";
    static final String SCHOOLS = "schools-dev-token";
    static final String HEALTH = "health-dev-token";
    static final String POLICE = "police-dev-token";
    static final String ADDRESS = "{\"lines\": [\"12 Oak Road\", \"Chesterfield\"], \"postcode\": \"S41 7AB\"}";
    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String caseRecord;
    String schoolRecord;
    String healthRecord;
    String policeRecord;

    @BeforeAll
    void partnersSendTheirRecords() throws Exception {
        caseRecord = accepted(send(
                "POST",
                "/api/records",
                CASESYSTEM,
                """
                {"type": "case-involvement",
                 "people": [
                   {"ref": "c", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "nhsNumber": "9434765919", "address": %s},
                   {"ref": "m", "role": "PARENT", "givenName": "Rose", "familyName": "Ashworth",
                    "dateOfBirth": "1987-06-01", "sex": "FEMALE", "address": %s}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01",
                    "leadPractitioner": "Family Support Team North",
                    "relationships": [{"fromRef": "m", "toRef": "c", "kind": "PARENT_OF"}]}}
                """
                        .formatted(ADDRESS, ADDRESS)));
        schoolRecord = accepted(send(
                "POST",
                "/api/records",
                SCHOOLS,
                """
                {"type": "school-attendance",
                 "people": [{"ref": "p", "role": "CHILD", "givenName": "Jess", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "schoolUrn": "200001", "address": %s}],
                 "attendance": {"schoolUrn": "200001", "term": "2026-autumn", "attendancePercent": 84.5,
                    "suspensions": 1, "pastoralNotes": "Confidential pastoral note"}}
                """
                        .formatted(ADDRESS)));
        healthRecord = accepted(
                send(
                        "POST",
                        "/api/records",
                        HEALTH,
                        """
                {"type": "health-involvement",
                 "people": [{"ref": "h", "role": "CHILD", "givenName": "JESSICA", "familyName": "ASHWORTH",
                    "dateOfBirth": "2015-03-04", "nhsNumber": "9434765919",
                    "address": {"lines": ["12, Oak Rd"], "postcode": "s41 7ab"}}],
                 "involvement": {"service": "school-nursing", "since": "2025-01-15", "team": "Chesterfield 0-19",
                    "clinicalNotes": "Confidential clinical note"}}
                """));
        policeRecord = accepted(send(
                "POST",
                "/api/police/incidents",
                POLICE,
                """
                {"reference": "DA/2026/FV-1", "occurredAt": "2026-11-20T21:40:00Z", "place": %s,
                 "riskLevel": "HIGH", "officerNotes": "Confidential officer note",
                 "people": [
                   {"ref": "c1", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashwort",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "schoolUrn": "200001", "present": true,
                    "address": %s},
                   {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Rose", "familyName": "Ashworth",
                    "dateOfBirth": "1987-06-01", "sex": "FEMALE", "address": %s},
                   {"ref": "p1", "role": "PERPETRATOR", "givenName": "Mark", "familyName": "Stonebridge",
                    "dateOfBirth": "1984-02-11", "sex": "MALE", "address": %s}]}
                """
                        .formatted(ADDRESS, ADDRESS, ADDRESS, ADDRESS)));
        // Every record is resolved once it has been governed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from person_record where record_key like any(array[?, ?, ?, ?])",
                                Integer.class,
                                "casesystem/" + caseRecord + "#%",
                                "schools/" + schoolRecord + "#%",
                                "health/" + healthRecord + "#%",
                                "police/" + policeRecord + "#%")
                        == 7);
    }

    @Test
    @Order(1)
    void theChildFromFourPartnersIsOnePerson() {
        List<String> people = jdbc.queryForList(
                "select distinct person_id::text from person_record where record_key in (?, ?, ?, ?)",
                String.class,
                "casesystem/" + caseRecord + "#c",
                "schools/" + schoolRecord + "#p",
                "health/" + healthRecord + "#h",
                "police/" + policeRecord + "#c1");
        assertThat(people).hasSize(1);
        // and each link carries its explanation
        List<String> methods = jdbc.queryForList(
                "select method from person_link where person_id = ?::uuid order by linked_at",
                String.class,
                people.get(0));
        assertThat(methods).hasSize(4).contains("NEW_PERSON", "NHS_NUMBER_AND_DATE_OF_BIRTH", "PROBABILISTIC");
        assertThat(jdbc.queryForObject(
                        "select count(*) from person_link where person_id = ?::uuid and method = 'PROBABILISTIC'"
                                + " and explanation -> 'comparisons' is not null",
                        Integer.class,
                        people.get(0)))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void healthNeedsTheChildsConsentWhichTheLeadPractitionerRecords() throws Exception {
        JsonNode before = familyView(CASESYSTEM, caseRecord, "c");
        assertThat(providers(member(before, before.get("personId").asText())))
                .containsExactlyInAnyOrder("schools", "police");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where record_id = ? and recipient = 'casesystem'"
                                + " and decision = 'REVIEW'",
                        Integer.class,
                        healthRecord))
                .isEqualTo(1);

        HttpResponse<String> consent = send(
                "POST",
                "/api/consent",
                CASESYSTEM,
                """
                {"record": "%s", "person": "c", "agreement": "health-to-casesystem-family-view", "given": true}
                """
                        .formatted(caseRecord));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        // consent is the person's own: the school cannot record it through someone else's record
        assertThat(send(
                                "POST",
                                "/api/consent",
                                SCHOOLS,
                                """
                        {"record": "%s", "person": "c", "agreement": "health-to-casesystem-family-view", "given": true}
                        """
                                        .formatted(caseRecord))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void theLeadPractitionerSeesEachMemberAsTheAgreementsAllow() throws Exception {
        JsonNode view = familyView(CASESYSTEM, caseRecord, "c");

        JsonNode child = member(view, view.get("personId").asText());
        assertThat(providers(child)).containsExactlyInAnyOrder("schools", "health", "police");
        JsonNode police = entry(child, "police");
        assertThat(fieldNames(police))
                .containsExactlyInAnyOrder(
                        "child.name",
                        "child.date-of-birth",
                        "incident.reference",
                        "incident.occurred-at",
                        "incident.risk-level",
                        "incident.place",
                        "incident.child-present");
        assertThat(police.get("fields").get("incident.place").asText()).isEqualTo("S41");
        assertThat(fieldNames(entry(child, "health")))
                .containsExactlyInAnyOrder(
                        "child.name",
                        "child.date-of-birth",
                        "involvement.service",
                        "involvement.since",
                        "involvement.team");
        assertThat(entry(child, "health").get("fields").get("involvement.since").asText())
                .isEqualTo("2025");
        assertThat(fieldNames(entry(child, "schools"))).contains("attendance.attendance-percent");

        // The mother is in the family (household and the case system's relationship) and appears with what the
        // police agreement allows about an adult victim; the perpetrator shares the address but no agreement names
        // his role, so he is not even listed.
        assertThat(view.get("members")).hasSize(2);
        JsonNode mother = otherMember(view);
        assertThat(providers(mother)).containsExactly("police");
        assertThat(fieldNames(entry(mother, "police")))
                .contains("adult-victim.name")
                .doesNotContain("child.name");
        assertThat(view.toString())
                .doesNotContain("Stonebridge")
                .doesNotContain("Confidential")
                .doesNotContain("Mark");
    }

    @Test
    @Order(4)
    void aSchoolUnderANarrowerAgreementSeesLess() throws Exception {
        JsonNode view = familyView(SCHOOLS, schoolRecord, "p");

        assertThat(view.get("members")).hasSize(1);
        JsonNode child = view.get("members").get(0);
        assertThat(providers(child)).containsExactly("police");
        assertThat(fieldNames(entry(child, "police"))).containsExactlyInAnyOrder("child.name", "incident.occurred-at");
        assertThat(entry(child, "police")
                        .get("fields")
                        .get("incident.occurred-at")
                        .asText())
                .isEqualTo("2026");
        assertThat(view.toString())
                .doesNotContain("Rose")
                .doesNotContain("school-nursing")
                .doesNotContain("HIGH");
    }

    @Test
    @Order(5)
    void everyViewIsInTheLedgerBeforeItIsServed() throws Exception {
        JsonNode view = familyView(CASESYSTEM, caseRecord, "c");

        Integer permits = jdbc.queryForObject(
                "select count(*) from ledger_entry where recipient = 'casesystem' and purpose = 'early-help/family-view'"
                        + " and decision = 'PERMIT' and record_id = ?",
                Integer.class,
                healthRecord);
        assertThat(permits).isGreaterThanOrEqualTo(1);
        Integer denies = jdbc.queryForObject(
                "select count(*) from ledger_entry where recipient = 'casesystem' and decision = 'DENY'"
                        + " and record_id = ? and purpose = 'early-help/family-view'",
                Integer.class,
                policeRecord);
        assertThat(denies)
                .as("the perpetrator's part of the police record is a recorded DENY")
                .isGreaterThanOrEqualTo(1);
        assertThat(view.get("viewId").asText()).isNotBlank();
    }

    @Test
    @Order(6)
    void aPartnerCanOnlyAskAboutPeopleInItsOwnRecords() throws Exception {
        assertThat(send("GET", "/api/family-view?record=" + caseRecord + "&person=c", SCHOOLS, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/family-view?record=" + caseRecord + "&person=nobody", CASESYSTEM, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(7)
    void aPartnerMaySendOnlyItsOwnTypesAndBadBodiesAreNamed() throws Exception {
        HttpResponse<String> wrongPartner = send(
                "POST",
                "/api/records",
                SCHOOLS,
                """
                {"type": "health-involvement", "people": [{"ref": "x", "role": "CHILD", "givenName": "A",
                 "familyName": "B"}], "involvement": {"service": "camhs", "since": "2025-01-01"}}
                """);
        assertThat(wrongPartner.statusCode()).isEqualTo(400);
        assertThat(wrongPartner.body()).contains("\"field\":\"type\"");
        HttpResponse<String> badDate = send(
                "POST",
                "/api/records",
                HEALTH,
                """
                {"type": "health-involvement", "people": [{"ref": "x", "role": "CHILD", "givenName": "Secretname",
                 "familyName": "B", "dateOfBirth": "2015-02-30"}], "involvement": {"service": "camhs",
                 "since": "2025-01-01"}}
                """);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("people[0].dateOfBirth").doesNotContain("Secretname");
        HttpResponse<String> police = send("POST", "/api/records", POLICE, "{}");
        assertThat(police.statusCode()).isIn(400, 403);
    }

    private JsonNode familyView(String token, String record, String ref) throws Exception {
        HttpResponse<String> r = send("GET", "/api/family-view?record=" + record + "&person=" + ref, token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static JsonNode member(JsonNode view, String personId) {
        for (JsonNode m : view.get("members")) {
            if (m.get("personId").asText().equals(personId)) {
                return m;
            }
        }
        throw new AssertionError("no member " + personId + " in " + view);
    }

    private static JsonNode otherMember(JsonNode view) {
        for (JsonNode m : view.get("members")) {
            if (!m.get("personId").asText().equals(view.get("personId").asText())) {
                return m;
            }
        }
        throw new AssertionError("no other member in " + view);
    }

    private static List<String> providers(JsonNode member) {
        List<String> providers = new ArrayList<>();
        member.get("entries").forEach(e -> providers.add(e.get("provider").asText()));
        return providers;
    }

    private static JsonNode entry(JsonNode member, String provider) {
        for (JsonNode e : member.get("entries")) {
            if (e.get("provider").asText().equals(provider)) {
                return e;
            }
        }
        throw new AssertionError("no entry from " + provider + " in " + member);
    }

    private static Set<String> fieldNames(JsonNode entry) {
        Set<String> names = new HashSet<>();
        entry.get("fields").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String accepted(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("id").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HubProcess.send(port, method, path, token, body);
    }
}

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
 * Records about one child from five organisations (the case-system team, the child's school, health, the police and
 * the council's education service), each spelled their own way, become one person in one family. Each organisation's
 * own service record establishes its relationship with the child; the lead practitioner's view shows each member
 * exactly what the agreements allow, a school's designated safeguarding lead (the pupil on its roll, corroborated by
 * the council) sees less, and consent is recorded only by the agreement's collector.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            // a context (and so a database and a broker) of its own: the connectors' ITs post the same README family,
            // and this test counts every record the index holds about her
            "spring.application.name=family-view-it"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FamilyViewIT {

    static final String CASESYSTEM = "casesystem-dev-token";
    static final String SCHOOLS = "schools-dev-token";
    static final String HEALTH = "health-dev-token";
    static final String POLICE = "police-dev-token";
    static final String COUNCIL = "council-dev-token";
    static final String HEALTH_FV = "health-to-casesystem-family-view";
    static final String LEAD_PRACTITIONER = "casesystem:early-help-north";
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
    String councilRecord;

    PartnerClient lead;
    PartnerClient dsl;
    PartnerClient nurse;

    @BeforeAll
    void partnersSendTheirRecords() throws Exception {
        lead = PartnerClient.of(port, CASESYSTEM).as("lp-42", "lead-practitioner");
        dsl = PartnerClient.of(port, SCHOOLS).as("dsl-7", "designated-safeguarding-lead");
        nurse = PartnerClient.of(port, HEALTH).as("sn-3", "school-nurse");
        caseRecord = lead.accepted(
                "/api/casesystem/involvements",
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
                        .formatted(ADDRESS, ADDRESS));
        schoolRecord = dsl.accepted(
                "/api/schools/attendance",
                """
                {"type": "school-attendance",
                 "people": [{"ref": "p", "role": "CHILD", "givenName": "Jess", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "schoolUrn": "123456", "address": %s}],
                 "attendance": {"schoolUrn": "123456", "term": "2026-autumn", "attendancePercent": 84.5,
                    "suspensions": 1, "pastoralNotes": "Confidential pastoral note"}}
                """
                        .formatted(ADDRESS));
        councilRecord = PartnerClient.of(port, COUNCIL)
                .accepted(
                        "/api/schools/attendance",
                        """
                {"type": "school-attendance",
                 "people": [{"ref": "r", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "schoolUrn": "123456", "address": %s}],
                 "attendance": {"schoolUrn": "123456", "term": "2026-autumn", "attendancePercent": 84.5}}
                """
                                .formatted(ADDRESS));
        healthRecord = nurse.accepted(
                "/api/health/involvements",
                """
                {"type": "health-involvement",
                 "people": [{"ref": "h", "role": "CHILD", "givenName": "JESSICA", "familyName": "ASHWORTH",
                    "dateOfBirth": "2015-03-04", "nhsNumber": "9434765919",
                    "address": {"lines": ["12, Oak Rd"], "postcode": "s41 7ab"}}],
                 "involvement": {"service": "school-nursing", "since": "2025-01-15", "team": "Chesterfield 0-19",
                    "clinicalNotes": "Confidential clinical note"}}
                """);
        policeRecord = PartnerClient.of(port, POLICE)
                .accepted(
                        "/api/police/incidents",
                        """
                {"reference": "DA/2026/FV-1", "occurredAt": "2026-11-20T21:40:00Z", "place": %s,
                 "riskLevel": "HIGH", "officerNotes": "Confidential officer note",
                 "people": [
                   {"ref": "c1", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashwort",
                    "dateOfBirth": "2015-03-04", "sex": "FEMALE", "schoolUrn": "123456", "present": true,
                    "address": %s},
                   {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Rose", "familyName": "Ashworth",
                    "dateOfBirth": "1987-06-01", "sex": "FEMALE", "address": %s},
                   {"ref": "p1", "role": "PERPETRATOR", "givenName": "Mark", "familyName": "Stonebridge",
                    "dateOfBirth": "1984-02-11", "sex": "MALE", "address": %s}]}
                """
                                .formatted(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        // Every record is resolved, and its relationships written, once it has been governed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from person_record where record_key like any(array[?, ?, ?,"
                                                + " ?, ?])",
                                        Integer.class,
                                        "casesystem/" + caseRecord + "#%",
                                        "schools/" + schoolRecord + "#%",
                                        "health/" + healthRecord + "#%",
                                        "police/" + policeRecord + "#%",
                                        "council/" + councilRecord + "#%")
                                == 8
                        && jdbc.queryForObject(
                                        "select count(*) from relationship where record_id in (?, ?, ?, ?)",
                                        Integer.class,
                                        caseRecord,
                                        schoolRecord,
                                        healthRecord,
                                        councilRecord)
                                == 5);
    }

    @Test
    @Order(1)
    void theChildFromFiveOrganisationsIsOnePersonAndEachOwnServiceRecordIsARelationship() {
        List<String> people = jdbc.queryForList(
                "select distinct person_id::text from person_record where record_key in (?, ?, ?, ?, ?)",
                String.class,
                "casesystem/" + caseRecord + "#c",
                "schools/" + schoolRecord + "#p",
                "health/" + healthRecord + "#h",
                "police/" + policeRecord + "#c1",
                "council/" + councilRecord + "#r");
        assertThat(people).hasSize(1);
        List<String> methods = jdbc.queryForList(
                "select method from person_link where person_id = ?::uuid order by linked_at",
                String.class,
                people.get(0));
        assertThat(methods).hasSize(5).contains("NEW_PERSON", "NHS_NUMBER_AND_DATE_OF_BIRTH", "PROBABILISTIC");
        assertThat(jdbc.queryForList(
                        "select organisation || ' ' || kind from relationship where record_id in (?, ?, ?, ?)",
                        String.class,
                        caseRecord,
                        schoolRecord,
                        healthRecord,
                        councilRecord))
                .containsExactlyInAnyOrder(
                        "casesystem:early-help-north OPEN_INVOLVEMENT",
                        "casesystem:early-help-north OPEN_INVOLVEMENT",
                        "schools:123456 PUPIL_ON_ROLL",
                        "council:education-service ROLL_RECORD",
                        "health:RFS OPEN_INVOLVEMENT");
    }

    @Test
    @Order(2)
    void healthNeedsTheChildsConsentWhichOnlyHealthAsCollectorRecords() throws Exception {
        JsonNode before = familyView(lead, caseRecord, "c");
        assertThat(providers(member(before, before.get("personId").asText())))
                .containsExactlyInAnyOrder("schools:123456", "police:derbyshire");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where record_id = ? and recipient = ? and decision = 'REVIEW'",
                        Integer.class,
                        healthRecord,
                        LEAD_PRACTITIONER))
                .isEqualTo(1);

        // the recipient may not record consent for itself, nor may a school
        assertThat(lead.post("/api/consent", consent(caseRecord, "c")).statusCode())
                .isEqualTo(403);
        assertThat(dsl.post("/api/consent", consent(schoolRecord, "p")).statusCode())
                .isEqualTo(403);
        // the collector records it, naming the basis and the signed record
        HttpResponse<String> recorded = nurse.post("/api/consent", consent(healthRecord, "h"));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'CONSENT' and actor = 'health:RFS'"
                                + " and details ->> 'basis' = 'parental-responsibility'"
                                + " and details ->> 'professional' = 'sn-3'"
                                + " and details ->> 'reference' = 'RFS-CONSENT-2026-0042'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void theLeadPractitionerSeesEachMemberAsTheAgreementsAllow() throws Exception {
        JsonNode view = familyView(lead, caseRecord, "c");

        assertThat(view.get("relationship").asText()).isEqualTo("open-involvement");
        JsonNode child = member(view, view.get("personId").asText());
        assertThat(providers(child)).containsExactlyInAnyOrder("schools:123456", "health:RFS", "police:derbyshire");
        JsonNode police = entry(child, "police:derbyshire");
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
        assertThat(fieldNames(entry(child, "health:RFS")))
                .containsExactlyInAnyOrder(
                        "child.name",
                        "child.date-of-birth",
                        "involvement.service",
                        "involvement.since",
                        "involvement.team");
        assertThat(entry(child, "health:RFS")
                        .get("fields")
                        .get("involvement.since")
                        .asText())
                .isEqualTo("2025");
        assertThat(fieldNames(entry(child, "schools:123456"))).contains("attendance.attendance-percent");

        // The mother is in the family (household and the case system's relationship) and appears with what the
        // police agreement allows about an adult victim; the perpetrator shares the address but no agreement names
        // his role, so he is not even listed.
        assertThat(view.get("members")).hasSize(2);
        JsonNode mother = otherMember(view);
        assertThat(providers(mother)).containsExactly("police:derbyshire");
        assertThat(fieldNames(entry(mother, "police:derbyshire")))
                .contains("adult-victim.name")
                .doesNotContain("child.name");
        assertThat(view.toString())
                .doesNotContain("Stonebridge")
                .doesNotContain("Confidential")
                .doesNotContain("Mark");
    }

    @Test
    @Order(4)
    void aSchoolWithThePupilOnItsCorroboratedRollSeesLessUnderANarrowerAgreement() throws Exception {
        JsonNode view = familyView(dsl, schoolRecord, "p");

        assertThat(view.get("relationship").asText()).isEqualTo("pupil-on-roll");
        assertThat(view.get("corroboration").asText()).isEqualTo("corroborated");
        assertThat(view.get("members")).hasSize(1);
        JsonNode child = view.get("members").get(0);
        assertThat(providers(child)).containsExactly("police:derbyshire");
        assertThat(fieldNames(entry(child, "police:derbyshire")))
                .containsExactlyInAnyOrder("child.name", "incident.occurred-at");
        assertThat(entry(child, "police:derbyshire")
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
    void everyViewIsAPullAndItsDisclosuresInTheLedgerBeforeItIsServed() throws Exception {
        JsonNode view = familyView(lead, caseRecord, "c");
        String viewId = view.get("viewId").asText();

        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'PULL' and actor = ?"
                                + " and details ->> 'viewId' = ? and details ->> 'professional' = 'lp-42'"
                                + " and details ->> 'professionalRole' = 'lead-practitioner'"
                                + " and details ->> 'purpose' = 'early-help/family-view'"
                                + " and details ->> 'relationship' = 'open-involvement'"
                                + " and details ->> 'outcome' = 'answered'",
                        Integer.class,
                        LEAD_PRACTITIONER,
                        viewId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where recipient = ? and purpose = 'early-help/family-view'"
                                + " and decision = 'PERMIT' and record_id = ? and provider = 'health:RFS'"
                                + " and details ->> 'viewId' = ? and details ->> 'professional' = 'lp-42'",
                        Integer.class,
                        LEAD_PRACTITIONER,
                        healthRecord,
                        viewId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where recipient = ? and decision = 'DENY'"
                                + " and record_id = ? and details ->> 'viewId' = ?",
                        Integer.class,
                        LEAD_PRACTITIONER,
                        policeRecord,
                        viewId))
                .as("the perpetrator's part of the police record is a recorded DENY")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(6)
    void aPartnerCanOnlyAskAboutPeopleInItsOwnRecordsNamingItselfAndALicensedPurpose() throws Exception {
        assertThat(dsl.get(view(caseRecord, "c")).statusCode()).isEqualTo(404);
        assertThat(lead.get(view(caseRecord, "nobody")).statusCode()).isEqualTo(404);
        // no professional named: 400, before anything is looked up
        HttpResponse<String> anonymous = PartnerClient.of(port, CASESYSTEM).get(view(caseRecord, "c"));
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(anonymous.body()).startsWith("{\"errors\":[");
        HttpResponse<String> noRecord = lead.get("/api/family-view?person=c");
        assertThat(noRecord.statusCode()).isEqualTo(400);
        assertThat(noRecord.body())
                .isEqualTo("{\"errors\":[{\"field\":\"record\",\"reason\":"
                        + "\"is required and must be of the documented form\"}]}");
        // a purpose no agreement's pull list gives the caller: 403, and the text never reaches the ledger
        HttpResponse<String> free = lead.get(view(caseRecord, "c") + "&purpose=curiosity/anything");
        assertThat(free.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where purpose = 'curiosity/anything'"
                                + " or details ->> 'purpose' = 'curiosity/anything'",
                        Integer.class))
                .isZero();
    }

    @Test
    @Order(7)
    void aPartnerMayPostOnlyToItsOwnConnectorAndBadBodiesAreNamed() throws Exception {
        HttpResponse<String> wrongPartner = dsl.post(
                "/api/health/involvements",
                """
                {"type": "health-involvement", "people": [{"ref": "x", "role": "CHILD", "givenName": "A",
                 "familyName": "B"}], "involvement": {"service": "camhs", "since": "2025-01-01"}}
                """);
        // a school may not post health's records: refused before the body is read
        assertThat(wrongPartner.statusCode()).isEqualTo(403);
        assertThat(wrongPartner.body()).doesNotContain("camhs");
        HttpResponse<String> badDate = nurse.post(
                "/api/health/involvements",
                """
                {"type": "health-involvement", "people": [{"ref": "x", "role": "CHILD", "givenName": "Secretname",
                 "familyName": "B", "dateOfBirth": "2015-02-30"}], "involvement": {"service": "camhs",
                 "since": "2025-01-01"}}
                """);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("people[0].dateOfBirth").doesNotContain("Secretname");
        HttpResponse<String> police = PartnerClient.of(port, POLICE).post("/api/health/involvements", "{}");
        assertThat(police.statusCode()).isEqualTo(403);
    }

    static String consent(String record, String ref) {
        return """
                {"record": "%s", "person": "%s", "scope": ["%s"], "given": true,
                 "basis": "parental-responsibility", "reference": "RFS-CONSENT-2026-0042", "expires": "2027-08-31"}
                """
                .formatted(record, ref, HEALTH_FV);
    }

    static String view(String record, String ref) {
        return "/api/family-view?record=" + record + "&person=" + ref;
    }

    private JsonNode familyView(PartnerClient client, String record, String ref) throws Exception {
        HttpResponse<String> r = client.get(view(record, ref));
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
}

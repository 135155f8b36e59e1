package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
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
 * The disclosure review queue on the running hub (real Kafka, PostgreSQL, schools as a real HTTP listener): a
 * notification the hub could not address, or that needs consent none recorded, is parked with its cause; it can be
 * released only once that cause is resolved (the child found on a school's roll; a safeguarding override the agreement
 * allows), is then decided again, ledgered with who released it and delivered exactly once; a refusal sends nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=" + DisclosureReviewIT.AGREEMENTS,
            "hub.simulator.enabled=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisclosureReviewIT {

    static final String AGREEMENTS = "target/review-it-agreements";
    static final String OE = "police-to-schools-domestic-abuse";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> AGREED_FIELDS = Set.of(
            "child.name",
            "child.date-of-birth",
            "incident.reference",
            "incident.occurred-at",
            "incident.place",
            "incident.child-present");

    static {
        BoardDirectory.copyTo(AGREEMENTS);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    NotificationSink schools;
    PartnerClient board;
    PartnerClient police;

    @BeforeAll
    void start() {
        schools = new NotificationSink();
        board = PartnerClient.of(port, "governance-dev-token").as("board-1", "data-protection-officer");
        police = PartnerClient.of(port, "police-dev-token");
    }

    @AfterAll
    void stop() {
        schools.close();
    }

    @Test
    @Order(1)
    void anUnaddressedNotificationIsReleasedOnceTheChildIsFoundOnASchoolsRoll() throws Exception {
        registerSchool("123456");
        String reference = reference();
        // Given an incident about a child the police name no school for
        String recordId = police.accepted("/api/police/incidents", incident(reference, "Mia", "Rowe", null));
        // Then it waits in the review queue, its cause named, and nothing is sent
        JsonNode item = awaitItem(recordId);
        assertThat(item.get("cause").asText()).isEqualTo("unaddressable");
        assertThat(item.get("recipient").asText()).isEqualTo("schools");
        assertThat(item.get("agreementId").asText()).isEqualTo(OE);
        String key = item.get("decisionKey").asText();
        // And a release is refused while the cause is unresolved: no school known, no relationship with the one named
        HttpResponse<String> unresolved = board.post(release(key), "{}");
        assertThat(unresolved.statusCode()).isEqualTo(409);
        assertThat(unresolved.body()).contains("no school is known").doesNotContain("Mia", "Rowe");
        HttpResponse<String> unrelated = board.post(release(key), "{\"recipientAddress\": \"123456\"}");
        assertThat(unrelated.statusCode()).isEqualTo(409);
        assertThat(unrelated.body()).contains("no live relationship");
        // And it cannot be released without a named professional deciding
        assertThat(PartnerClient.of(port, "governance-dev-token")
                        .post(release(key), "{}")
                        .statusCode())
                .isEqualTo(400);
        // When the council's roll and the school's own attendance put the child on school 123456's roll
        String roll = PartnerClient.of(port, "council-dev-token")
                .accepted("/api/schools/attendance", attendance("r", "Mia", "Rowe", "123456"));
        String own = PartnerClient.of(port, "schools-dev-token")
                .accepted("/api/schools/attendance", attendance("p", "Mia", "Rowe", "123456"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(distinct person_id) from person_record where record_key like any(array[?,"
                                        + " ?, ?])",
                                Integer.class,
                                "police/" + recordId + "#c1",
                                "council/" + roll + "#%",
                                "schools/" + own + "#%")
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("select count(*) from relationship where record_id = ?", Integer.class, own)
                                > 0);
        // Then the board releases it to that school: decided again, ledgered with who released it, sent once
        HttpResponse<String> released = board.post(release(key), "{\"recipientAddress\": \"123456\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        JsonNode closed = JSON.readTree(released.body());
        assertThat(closed.get("status").asText()).isEqualTo("released");
        assertThat(closed.get("closedBy").asText()).contains("governance", "board-1");
        List<JsonNode> sent = awaitNotifications(reference, 1);
        assertThat(sent.get(0).get("school").get("urn").asText()).isEqualTo("123456");
        assertThat(fields(sent.get(0))).isEqualTo(AGREED_FIELDS);
        // And a second release is refused: it was released once
        HttpResponse<String> again = board.post(release(key), "{\"recipientAddress\": \"123456\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already released");
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> notifications(reference).size() == 1);
        // And the ledger holds the REVIEW and the release, with its decider
        JsonNode ledger = ledger(recordId);
        assertThat(ledger.findValuesAsText("decision")).contains("REVIEW", "PERMIT");
        JsonNode permit = find(ledger, "PERMIT", "schools:123456");
        assertThat(permit.get("actor").asText()).contains("board-1");
        assertThat(permit.get("reasons").toString()).contains("released from review", "found at review");
    }

    @Test
    @Order(2)
    void aConsentReviewIsReleasedOnlyUnderAnOverrideTheAgreementAllows() throws Exception {
        // Given the agreement needs consent and allows an override for s47 and Sch 1 para 18 by two roles for 72 hours
        Path file = Path.of(AGREEMENTS, OE + ".yaml");
        String original = Files.readString(file);
        try {
            Files.writeString(
                    file,
                    original.replace("consent: not-required", "consent: { required: true, collector: health }")
                            + "safeguarding-override:\n"
                            + "  reasons: [children-act-1989-s47, dpa-2018-sch1-para18]\n"
                            + "  roles: [social-worker, police-safeguarding-officer]\n"
                            + "  max-hours: 72\n");
            HttpResponse<String> reload = board.post("/api/agreements/reload", "");
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            registerSchool("200031");
            String reference = reference();
            String recordId = police.accepted("/api/police/incidents", incident(reference, "Noah", "Pike", "200031"));
            JsonNode item = awaitItem(recordId);
            assertThat(item.get("cause").asText()).isEqualTo("consent");
            String key = item.get("decisionKey").asText();
            // Then it cannot be released without consent
            HttpResponse<String> noConsent = board.post(release(key), "{}");
            assertThat(noConsent.statusCode()).isEqualTo(409);
            assertThat(noConsent.body()).contains("requires consent");
            // And an override outside what the agreement declares is refused and lifts nothing
            PartnerClient officer = police.as("pc-77", "police-safeguarding-officer");
            assertThat(officer.post("/api/overrides", override(recordId, "children-act-2004-s11", 24))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(officer.post("/api/overrides", override(recordId, "children-act-1989-s47", 73))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(police.as("pc-78", "early-help-lead-practitioner")
                            .post("/api/overrides", override(recordId, "children-act-1989-s47", 24))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(police.post("/api/overrides", override(recordId, "children-act-1989-s47", 24))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(board.post("/api/overrides", override(recordId, "children-act-1989-s47", 24))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(officer.post(
                                    "/api/overrides",
                                    override(UUID.randomUUID().toString(), "children-act-1989-s47", 24))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(board.post(release(key), "{}").statusCode()).isEqualTo(409);
            // When a police safeguarding officer asserts an s47 override for 24 hours
            HttpResponse<String> asserted =
                    officer.post("/api/overrides", override(recordId, "children-act-1989-s47", 24));
            assertThat(asserted.statusCode()).as(asserted.body()).isEqualTo(201);
            String overrideId = JSON.readTree(asserted.body()).get("overrideId").asText();
            // Then the board can release it: consent lifted and nothing else, the agreed fields only, sent once
            HttpResponse<String> released = board.post(release(key), "{}");
            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            List<JsonNode> sent = awaitNotifications(reference, 1);
            assertThat(fields(sent.get(0))).isEqualTo(AGREED_FIELDS);
            JsonNode permit = find(ledger(recordId), "PERMIT", "schools:200031");
            assertThat(permit.get("reasons").toString()).contains("consent requirement lifted by", overrideId);
            // And the board sees the override and its use
            JsonNode listed = JSON.readTree(board.get("/api/overrides").body()).get("overrides");
            JsonNode mine = null;
            for (JsonNode o : listed) {
                if (o.get("overrideId").asText().equals(overrideId)) {
                    mine = o;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("uses").asInt()).isEqualTo(1);
            assertThat(mine.get("professionalRole").asText()).isEqualTo("police-safeguarding-officer");
            assertThat(mine.get("reason").asText()).isEqualTo("children-act-1989-s47");
        } finally {
            Files.writeString(file, original);
            assertThat(board.post("/api/agreements/reload", "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void aRefusalIsLedgeredWithItsReasonAndSendsNothing() throws Exception {
        String reference = reference();
        String recordId = police.accepted("/api/police/incidents", incident(reference, "Ava", "Quinn", null));
        String key = awaitItem(recordId).get("decisionKey").asText();
        assertThat(board.post(refuse(key), "{\"reason\": \"because\"}").statusCode())
                .isEqualTo(400);
        for (String hostile : List.of(
                "{\"reason\": \"not-necessary\", \"extra\": 1}",
                "{\"reason\": 5}",
                "{\"reason\": \"" + "x".repeat(50_000) + "\"}",
                "{\"reason\": \"not-necessary\\u0007\"}")) {
            HttpResponse<String> r = board.post(refuse(key), hostile);
            assertThat(r.statusCode())
                    .as(hostile.substring(0, Math.min(60, hostile.length())))
                    .isEqualTo(400);
            assertThat(r.body()).doesNotContain("xxxxxxxxxx");
        }
        assertThat(board.post(release(key), "{\"recipientAddress\": 123456}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> refused = board.post(refuse(key), "{\"reason\": \"not-necessary\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(JSON.readTree(refused.body()).get("status").asText()).isEqualTo("refused");
        assertThat(board.post(release(key), "{}").statusCode()).isEqualTo(409);
        assertThat(board.post(refuse("0123456789abcdef0123456789abcdef"), "{\"reason\": \"duplicate\"}")
                        .statusCode())
                .isEqualTo(404);
        JsonNode deny = find(ledger(recordId), "DENY", "schools");
        assertThat(deny.get("actor").asText()).contains("board-1");
        assertThat(deny.get("reasons").toString()).contains("Not necessary for the purpose");
        JsonNode refusedList = JSON.readTree(
                board.get("/api/disclosure-reviews?status=refused").body());
        assertThat(refusedList.findValuesAsText("decisionKey")).contains(key);
        assertThat(notifications(reference)).isEmpty();
        // And hostile override bodies get clear 400s, echoing nothing
        PartnerClient officer = police.as("pc-77", "police-safeguarding-officer");
        for (String hostile : List.of(
                override(recordId, "children-act-1989-s47", 24).replace("}", ", \"extra\": 1}"),
                override(recordId, "children-act-1989-s47", 24).replace("\"hours\": 24", "\"hours\": \"24\""),
                override("x".repeat(50_000), "children-act-1989-s47", 24),
                override(recordId + "\\u0007", "children-act-1989-s47", 24))) {
            HttpResponse<String> r = officer.post("/api/overrides", hostile);
            assertThat(r.statusCode())
                    .as(hostile.substring(0, Math.min(80, hostile.length())))
                    .isEqualTo(400);
            assertThat(r.body()).doesNotContain("xxxxxxxxxx");
        }
        // And the queue is the board's alone
        assertThat(police.get("/api/disclosure-reviews").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void whatThePoliceWithholdAsMoreDetrimentalNeverReachesTheSchoolAndTheBoardCountsIt() throws Exception {
        registerSchool("123460");
        String partly = reference();
        String whole = reference();
        // Given one incident with its place withheld, and one withheld whole, as more detrimental to the child
        police.accepted(
                "/api/police/incidents",
                withheld(
                        incident(partly, "Eli", "Hart", "123460"),
                        "{\"field\": \"incident.place\", \"reason\": \"risk-to-safe-address\"}"));
        String wholeId = police.accepted(
                "/api/police/incidents",
                withheld(incident(whole, "Uma", "Hart", "123460"), "{\"reason\": \"prejudice-to-enquiry\"}"));
        // Then the school gets the first without its place, and the ledger names what was withheld and why
        JsonNode sent = awaitNotifications(partly, 1).get(0);
        assertThat(fields(sent)).contains("incident.reference").doesNotContain("incident.place");
        // and nothing of the second, whose DENY says why
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                        find(ledger(wholeId), "DENY", "schools:123460")
                                .get("reasons")
                                .toString())
                .contains("withheld whole by the provider as more detrimental to the child (prejudice-to-enquiry)"));
        assertThat(notifications(whole)).isEmpty();
        // And the board sees the count
        JsonNode counts = JSON.readTree(board.get("/api/withheld").body());
        assertThat(counts.get("decisions").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(counts.get("counts").toString()).contains("prejudice-to-enquiry", "risk-to-safe-address");
        assertThat(police.get("/api/withheld").statusCode()).isEqualTo(403);
        // And a reason outside the vocabulary is refused, naming the field and echoing nothing
        HttpResponse<String> bad = police.post(
                "/api/police/incidents",
                withheld(incident(reference(), "Ola", "Hart", "123460"), "{\"reason\": \"because-I-said\"}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("withheld").doesNotContain("because-I-said");
    }

    @Test
    @Order(5)
    void aWithdrawnRecordIsRecalledFromEveryRecipientAndNothingMoreLeaves() throws Exception {
        registerSchool("123461");
        // Given a notification delivered, and one held for review, both from records the police then withdraw
        String reference = reference();
        String recordId = police.accepted("/api/police/incidents", incident(reference, "Zoe", "Marsh", "123461"));
        String notificationId =
                awaitNotifications(reference, 1).get(0).get("notificationId").asText();
        String heldId = police.accepted("/api/police/incidents", incident(reference(), "Joe", "Marsh", null));
        awaitItem(heldId);

        // When another organisation, or an unknown reason, tries: refused, echoing nothing
        PartnerClient school = PartnerClient.of(port, "schools-dev-token");
        assertThat(school.post("/api/records/" + recordId + "/withdraw", "{\"reason\": \"withdrawn\"}")
                        .statusCode())
                .isIn(403, 404);
        HttpResponse<String> unknown =
                police.post("/api/records/" + recordId + "/withdraw", "{\"reason\": \"oops-wrong\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("oops-wrong");

        // When the police withdraw the first as misdirected
        HttpResponse<String> withdrawn =
                police.post("/api/records/" + recordId + "/withdraw", "{\"reason\": \"misdirected\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("recalled").toString()).contains("schools:123461");

        // Then the school is sent a recall naming the notification, with no field
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(schools.received().stream()
                        .map(NotificationSink.Received::body)
                        .filter(b -> b.contains("\"recalls\":\"" + notificationId + "\""))
                        .toList())
                .singleElement()
                .satisfies(b -> {
                    JsonNode recall = JSON.readTree(b);
                    assertThat(recall.get("recallReason").asText()).isEqualTo("misdirected");
                    assertThat(recall.get("fields").size()).isZero();
                }));
        // and the ledger holds the recall with who withdrew it, and the hub no longer holds the record
        JsonNode recall = null;
        for (JsonNode e : ledger(recordId)) {
            if ("RECALL".equals(e.path("decision").asText())) {
                recall = e;
            }
        }
        assertThat(recall).as("a RECALL entry in " + ledger(recordId)).isNotNull();
        assertThat(recall.toString()).contains("police", notificationId);
        assertThat(police.post("/api/records/" + recordId + "/withdraw", "{\"reason\": \"misdirected\"}")
                        .statusCode())
                .isEqualTo(404);

        // And withdrawing the held one refuses its review item: it can never be released
        HttpResponse<String> held = police.post("/api/records/" + heldId + "/withdraw", "{\"reason\": \"withdrawn\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(JSON.readTree(held.body()).get("reviewsRefused").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(board.get("/api/disclosure-reviews").body()).findValuesAsText("recordId"))
                .doesNotContain(heldId);
    }

    @Test
    @Order(6)
    void theBoardSeesTheDisclosuresThatRestedOnAMatchLaterSplit() throws Exception {
        registerSchool("123462");
        // Given a notification about a child, and a school's record the index joins to the same child
        String reference = reference();
        String recordId = police.accepted("/api/police/incidents", incident(reference, "Nia", "Rowe", "123462"));
        awaitNotifications(reference, 1);
        PartnerClient.of(port, "schools-dev-token")
                .accepted("/api/schools/attendance", attendance("s1", "Nia", "Rowe", "123456"));
        String key = "police/" + recordId + "#c1";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from person_record r join person_record o on o.person_id = r.person_id"
                                        + " where r.record_key = ?",
                                Integer.class,
                                key)
                        >= 2);
        String person = jdbc.queryForObject(
                "select person_id::text from person_record where record_key = ?", String.class, key);
        // When a reviewer splits the police record off: they were two children
        HttpResponse<String> split = board.post(
                "/api/matching/people/" + person + "/split",
                "{\"recordKeys\": [\"" + key + "\"], \"reason\": \"two children\", \"reviewer\": \"r-1\"}");
        assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
        // Then the board sees the notification that was decided while the records were joined
        JsonNode rested =
                JSON.readTree(board.get("/api/ledger/split-disclosures").body()).get("disclosures");
        List<JsonNode> mine = new ArrayList<>();
        rested.forEach(r -> {
            if (r.get("recordId").asText().equals(recordId)
                    && r.get("recipient").asText().startsWith("schools")) {
                mine.add(r);
            }
        });
        // (every disclosure of it: the school's notification, and the case system's)
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.get("recipient").asText()).isEqualTo("schools:123462");
            assertThat(r.get("how").asText()).isEqualTo("pushed");
            assertThat(r.get("fields").toString()).contains("child.name");
        });
        assertThat(police.get("/api/ledger/split-disclosures").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aSchoolAdheresToOperationEncompassAndTheBoardSeesItListedAndLedgered() throws Exception {
        PartnerClient dsl = PartnerClient.of(port, "schools-dev-token").as("dsl-7", "designated-safeguarding-lead");
        String path = "/api/agreements/" + OE + "/adherence";
        // When a school adheres, twice
        HttpResponse<String> first = dsl.post(path, "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(dsl.post(path, "").statusCode()).isEqualTo(200);
        // Then it is listed once, and the ledger names who signed for it
        JsonNode listed =
                JSON.readTree(board.get("/api/agreements/" + OE + "/adherences").body());
        assertThat(listed.get("adherences").findValuesAsText("organisation")).containsExactly("schools:123456");
        assertThat(board.get("/api/ledger/agreement-changes").body())
                .contains("adhered", "schools:123456/dsl-7 (designated-safeguarding-lead)");
        // And a kind of organisation that does not join by adhering, or a school without a named professional, cannot
        assertThat(police.as("pc-1", "police-safeguarding-officer")
                        .post(path, "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(PartnerClient.of(port, "schools-dev-token").post(path, "").statusCode())
                .isEqualTo(400);
        assertThat(dsl.post("/api/agreements/" + OE + "/adherences", "").statusCode())
                .isIn(403, 405);
        // And it may withdraw
        HttpResponse<String> withdrawn = dsl.send("DELETE", path, "");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(JSON.readTree(board.get("/api/agreements/" + OE + "/adherences")
                                .body())
                        .get("adherences")
                        .size())
                .isZero();
    }

    private static String withheld(String incident, String mark) {
        return incident.replace("\"people\": [", "\"withheld\": [" + mark + "], \"people\": [");
    }

    private JsonNode awaitItem(String recordId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            found.clear();
            for (JsonNode i :
                    JSON.readTree(board.get("/api/disclosure-reviews").body()).get("items")) {
                if (i.get("recordId").asText().equals(recordId)
                        && i.get("recipient").asText().equals("schools")) {
                    found.add(i);
                }
            }
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private JsonNode ledger(String recordId) throws Exception {
        return JSON.readTree(board.get("/api/ledger/records/" + recordId).body());
    }

    private static JsonNode find(JsonNode ledger, String decision, String recipient) {
        for (JsonNode e : ledger) {
            if (e.path("decision").asText().equals(decision)
                    && e.path("recipient").asText().equals(recipient)) {
                return e;
            }
        }
        throw new AssertionError("no " + decision + " for " + recipient + " in " + ledger);
    }

    private void registerSchool(String urn) throws Exception {
        HttpResponse<String> r = board.send(
                "PUT",
                "/api/directory/schools/" + urn,
                "{\"name\":\"School " + urn + "\",\"endpoint\":\"" + schools.baseUrl() + "/schools/" + urn
                        + "/notifications\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private List<JsonNode> notifications(String reference) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (NotificationSink.Received r : schools.received()) {
            if (r.body().contains("\"" + reference + "\"")) {
                found.add(JSON.readTree(r.body()));
            }
        }
        return found;
    }

    private List<JsonNode> awaitNotifications(String reference, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found.clear();
            found.addAll(notifications(reference));
            assertThat(found).hasSize(count);
        });
        return found;
    }

    private static Set<String> fields(JsonNode notification) {
        Set<String> out = new HashSet<>();
        notification.get("fields").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String release(String key) {
        return "/api/disclosure-reviews/" + key + "/release";
    }

    private static String refuse(String key) {
        return "/api/disclosure-reviews/" + key + "/refuse";
    }

    private static String reference() {
        return "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String override(String recordId, String reason, int hours) {
        return "{\"recordId\": \"%s\", \"agreementId\": \"%s\", \"reason\": \"%s\", \"hours\": %d}"
                .formatted(recordId, OE, reason, hours);
    }

    private static String person(String ref, String given, String family, String urn) {
        return ("{\"ref\": \"%s\", \"role\": \"CHILD\", \"givenName\": \"%s\", \"familyName\": \"%s\","
                        + " \"dateOfBirth\": \"2015-06-07\", \"sex\": \"FEMALE\"%s,"
                        + " \"address\": {\"lines\": [\"9 Birch Road\", \"Chesterfield\"], \"postcode\": \"S40 2BB\"}}")
                .formatted(ref, given, family, urn == null ? "" : ", \"schoolUrn\": \"" + urn + "\"");
    }

    static String incident(String reference, String given, String family, String urn) {
        return """
                {"reference": "%s", "occurredAt": "2026-11-22T21:40:00Z",
                 "place": {"lines": ["9 Birch Road"], "postcode": "S40 2BB"}, "riskLevel": "MEDIUM",
                 "people": [%s]}
                """
                .formatted(reference, person("c1", given, family, urn).replace("}}", "}, \"present\": true}"));
    }

    static String attendance(String ref, String given, String family, String urn) {
        return """
                {"type": "school-attendance", "people": [%s],
                 "attendance": {"schoolUrn": "%s", "term": "2026-autumn", "attendancePercent": 91.0}}
                """
                .formatted(person(ref, given, family, null), urn);
    }
}

package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board's workflow in the console, driven in headless Chromium: sign in as yourself, propose a change to an
 * agreement, read the lint and the what-if, approve it as each party it needs, put it in force and see it take effect,
 * release a held notification; each page checked with axe-core for serious accessibility violations. The screenshots
 * it takes are the README's. Skipped, saying how to install them, where Debian's chromium and chromium-driver are absent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=" + ConsoleBrowserIT.AGREEMENTS,
            "hub.simulator.enabled=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    static final String AGREEMENTS = "target/console-it-agreements";
    static final String OE = "police-to-schools-domestic-abuse";
    static final String PASSWORD = "early-help-demo";
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        BoardDirectory.copyTo(AGREEMENTS);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    NotificationSink schools;
    ConsoleBrowser browser;
    final Map<String, List<String>> violations = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.INSTALL);
        schools = new NotificationSink();
        browser = new ConsoleBrowser(port, SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (schools != null) {
            schools.close();
        }
    }

    @Test
    void theBoardChangesAnAgreementAndReleasesAHeldNotification() throws Exception {
        PartnerClient board = PartnerClient.of(port, "governance-dev-token");
        PartnerClient police = PartnerClient.of(port, "police-dev-token");
        assertThat(board.send(
                                "PUT",
                                "/api/directory/schools/123456",
                                "{\"name\":\"School 123456\",\"endpoint\":\"" + schools.baseUrl()
                                        + "/schools/123456/notifications\"}")
                        .statusCode())
                .isEqualTo(200);
        // Given traffic: a notification delivered under version 1, with whether the child was present
        String before = reference();
        police.accepted("/api/police/incidents", DisclosureReviewIT.incident(before, "Lena", "Ford", "123456"));
        assertThat(awaitNotification(before).get("fields").has("incident.child-present"))
                .isTrue();

        // When the police's member signs in and proposes version 2 without that field
        browser.open("/console");
        assertThat(browser.path()).startsWith("/console/login");
        check("sign-in");
        browser.signIn("police", PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        // the session is in PostgreSQL, so any hub instance on the same database serves it
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = 'police'", Integer.class))
                .isEqualTo(1);
        check("home");
        browser.screenshot("console-home");
        browser.open("/console/agreements");
        assertThat(browser.text("agreement-" + OE)).contains("In force");
        check("agreements");
        browser.open("/console/proposals");
        check("proposals");
        new org.openqa.selenium.support.ui.Select(browser.find("agreement")).selectByValue(OE);
        browser.click("start-proposal");
        String current = Files.readString(Path.of(AGREEMENTS, OE + ".yaml"));
        // first a typing error, which the lint names with its line and fix
        browser.setValue(
                "yaml",
                current.replace("version: 1\n", "version: 2\n")
                        .replace("  incident.child-present: allow\n", "")
                        .replace("article-6: public-task", "article-6: public-tsk"));
        check("proposal-new");
        browser.click("propose");
        assertThat(browser.text("lint")).contains(OE + ".yaml:8: error:", "did you mean 'public-task'?");
        browser.screenshot("console-lint");
        String proposal = browser.path();
        // then mended
        browser.setValue(
                "yaml",
                current.replace("version: 1\n", "version: 2\n").replace("  incident.child-present: allow\n", ""));
        browser.click("save-edit");
        assertThat(browser.text("lint")).doesNotContain("error:").contains("version 2 is not yet approved");
        assertThat(browser.text("awaiting")).contains("Awaiting approval by police, council");
        // and the what-if over today's traffic shows who would no longer receive the field, nothing being sent
        int notificationsBefore = schools.received().size();
        browser.click("run-what-if");
        assertThat(browser.text("what-if"))
                .contains("domestic-abuse-incident", "schools", "incident.child-present (1)");
        check("proposal");
        browser.screenshot("console-what-if");
        assertThat(schools.received()).hasSize(notificationsBefore);
        browser.click("approve");
        assertThat(browser.text("approvals")).contains("police: approved by D. Marsh");
        assertThat(browser.text("awaiting")).contains("Awaiting approval by council");
        browser.signOut();
        assertThat(browser.path()).startsWith("/console/login");

        // And the council's Data Protection Officer approves and puts it in force
        browser.signIn("dpo", PASSWORD);
        browser.open(proposal);
        browser.click("approve");
        assertThat(browser.text("awaiting")).contains("Every party it needs has approved this text.");
        browser.click("apply");
        assertThat(browser.text("flash")).contains("Version 2 of " + OE + " is loaded and in force.");
        assertThat(browser.page()).contains("changed: version 2", "console:dpo (council)");
        check("agreement-history");
        browser.screenshot("console-in-force");

        // Then it takes effect: the next notification no longer carries the field
        String after = reference();
        police.accepted("/api/police/incidents", DisclosureReviewIT.incident(after, "Mo", "Ford", "123456"));
        JsonNode sent = awaitNotification(after);
        assertThat(sent.get("fields").has("incident.child-present")).isFalse();

        // When a notification is held because the police named no school
        String held = reference();
        String heldRecord =
                police.accepted("/api/police/incidents", DisclosureReviewIT.incident(held, "Ivy", "Lake", null));
        PartnerClient.of(port, "council-dev-token")
                .accepted("/api/schools/attendance", DisclosureReviewIT.attendance("r", "Ivy", "Lake", "123456"));
        String own = PartnerClient.of(port, "schools-dev-token")
                .accepted("/api/schools/attendance", DisclosureReviewIT.attendance("p", "Ivy", "Lake", "123456"));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from relationship where record_id = ?", Integer.class, own)
                                        > 0
                                && jdbc.queryForObject(
                                                "select count(*) from disclosure_review where record_id = ? and status = 'OPEN'",
                                                Integer.class,
                                                heldRecord)
                                        == 1);
        String key = jdbc.queryForObject(
                "select decision_key from disclosure_review where record_id = ?", String.class, heldRecord);
        // Then the reviewer finds it with its reason, names the school found, and releases it
        browser.open("/console/reviews");
        assertThat(browser.text("review-" + key)).contains("no school is known for this child");
        check("reviews");
        browser.screenshot("console-review");
        browser.type("address-" + key, "123456");
        browser.click("release-" + key);
        assertThat(browser.text("flash")).contains("Released and sent");
        assertThat(awaitNotification(held).get("school").get("urn").asText()).isEqualTo("123456");

        // When the school's system refuses a notification (422) and it is dead-lettered
        String refused = reference();
        schools.failNext(1, 422);
        String refusedRecord =
                police.accepted("/api/police/incidents", DisclosureReviewIT.incident(refused, "Kit", "Ford", "123456"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from delivery d join ledger_entry e on e.decision_key = d.decision_key"
                                        + " where e.record_id = ? and d.status = 'DEAD_LETTERED'",
                                Integer.class,
                                refusedRecord)
                        == 1);
        // Then the reviewer sees it under the schools with the school's answer, and replays it: decided again now
        browser.open("/console/dead-letters?partner=schools");
        List<org.openqa.selenium.WebElement> replays = browser.all("button[id^='replay-schools.']");
        assertThat(replays).hasSize(1);
        String letter = replays.get(0).getAttribute("id").substring("replay-".length());
        assertThat(browser.text("letter-" + letter)).contains("A disclosure to schools:123456", "422", refusedRecord);
        check("dead-letters");
        browser.screenshot("console-dead-letters");
        browser.click("replay-" + letter);
        assertThat(browser.text("flash")).contains("decided again and sent (PERMIT)");
        assertThat(browser.text("replayed-" + letter)).contains("PERMIT by console:dpo (council)");
        assertThat(browser.all("button[id^='replay-schools.']")).isEmpty();
        assertThat(awaitNotification(refused).get("school").get("urn").asText()).isEqualTo("123456");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where record_id = ? and actor = 'console:dpo (council)'"
                                + " and decision = 'PERMIT' and details->>'replayOf' is not null",
                        Integer.class,
                        refusedRecord))
                .isEqualTo(1);

        // When the Data Protection Officer answers a subject access request for the child, spelt as the school did
        browser.open("/console/subject-access");
        check("subject-access");
        browser.type("givenName", "Ivy");
        browser.type("familyName", "Lake");
        browser.type("dateOfBirth", "2015-06-07");
        browser.click("search");
        // Then the document lists the records held, how each was joined, and every decision: the release to the school
        assertThat(browser.text("held")).contains("domestic-abuse-incident", "school-attendance");
        assertThat(browser.text("disclosed")).contains("PERMIT", "schools:123456", OE + " v2", "child.name");
        check("subject-access-report");
        browser.screenshot("console-subject-access");
        // and it downloads as a file to hand over, named by the date alone, holding the same decisions
        String[] download = browser.submitByFetch("download-form").split("\\|", 3);
        assertThat(download[0]).isEqualTo("200");
        assertThat(download[1])
                .startsWith("attachment; filename=\"subject-access-")
                .doesNotContain("Ivy", "Lake");
        assertThat(download[2])
                .contains("Records held", "schools:123456", "child.name")
                .doesNotContain("hub-nav\"");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'QUERY' and actor = 'console:dpo (council)'",
                        Integer.class))
                .as("the search and the download, each ledgered")
                .isEqualTo(2);

        // And the other pages the board uses are accessible too
        for (String page : List.of(
                "/console/overrides",
                "/console/matching",
                "/console/reviews?status=released",
                "/console/feeds",
                "/console/dead-letters",
                "/console/access-review")) {
            browser.open(page);
            check(page);
        }
        // And the feeds show each Operation Encompass notification against its deadline: all four on time, the held
        // one released and the refused one replayed before the start of the next school day
        browser.open("/console/feeds");
        assertThat(Integer.parseInt(browser.text("deadline-ON_TIME"))).isGreaterThanOrEqualTo(4);
        assertThat(browser.text("deadline-LATE")).isEqualTo("0");
        assertThat(browser.text("deadline-AT_RISK")).isEqualTo("0");
        browser.screenshot("console-feeds");
        // And a reviewer without the board role cannot propose
        browser.signOut();
        browser.signIn("reviewer", PASSWORD);
        browser.open("/console/proposals");
        assertThat(browser.page()).doesNotContain("Start a proposal");

        assertThat(violations)
                .as("serious or critical accessibility violations (axe-core)")
                .isEmpty();
    }

    private void check(String page) throws IOException {
        List<String> found = browser.seriousViolations();
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
    }

    private JsonNode awaitNotification(String reference) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found.clear();
            for (NotificationSink.Received r : schools.received()) {
                if (r.body().contains("\"" + reference + "\"")) {
                    found.add(JSON.readTree(r.body()));
                }
            }
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private static String reference() {
        return "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
    }
}

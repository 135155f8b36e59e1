package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The schools connector through the running hub (embedded Kafka and PostgreSQL): a school's and the education
 * service's records over HTTP with who may assert what; attendance files from the watched folder; Operation
 * Encompass to the school, or to the council's EHE team for a home-educated child; the designated safeguarding
 * lead's acknowledgement and the escalation of an unacknowledged notification.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=" + SchoolsConnectorIT.AGREEMENTS,
            "hub.simulator.enabled=false",
            "hub.connectors.schools.inbox=target/it-inbox-schools",
            "hub.connectors.schools.inbox-poll=500ms",
            "hub.connectors.schools.escalation-check=500ms"
        })
class SchoolsConnectorIT {

    static final String AGREEMENTS = "target/it-agreements-schools";
    static final ObjectMapper JSON = new ObjectMapper();
    static final NotificationSink SINK = new NotificationSink();
    static final Path INBOX = Path.of("target", "it-inbox-schools");

    static {
        // a fresh watched folder for each run
        try {
            if (Files.exists(INBOX)) {
                try (var old = Files.walk(INBOX)) {
                    for (Path f :
                            old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // the board's agreements that involve schools (those to the case system need its connector on the classpath)
        try {
            Path dir = Files.createDirectories(Path.of(AGREEMENTS));
            try (var old = Files.list(dir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            try (var files = Files.list(Path.of("..", "agreements"))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().contains("-to-casesystem-"))
                        .toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void eheTeam(DynamicPropertyRegistry registry) {
        registry.add(
                "hub.connectors.schools.ehe-team-endpoint", () -> SINK.baseUrl() + "/schools/ehe-team/notifications");
    }

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static String attendance(String urn, String given, String family) {
        return """
                {"people": [{"ref": "p1", "role": "CHILD", "givenName": "%s", "familyName": "%s",
                             "dateOfBirth": "2015-03-04", "schoolUrn": "%s"},
                            {"ref": "c1", "role": "PARENT", "givenName": "Dana", "familyName": "%s"}],
                 "attendance": {"schoolUrn": "%s", "term": "2026-autumn", "sessionsPossible": 120,
                                "sessionsAttended": 103}}"""
                .formatted(given, family, urn, family, urn);
    }

    static String incident(String reference, String given, String family, String dob, String urn) {
        return """
                {"reference": "%s", "occurredAt": "2026-11-22T21:40:00Z",
                 "place": {"lines": ["12 Acacia Avenue"], "postcode": "S41 7AB"},
                 "riskLevel": "MEDIUM",
                 "people": [
                   {"ref": "c1", "role": "CHILD", "givenName": "%s", "familyName": "%s", "dateOfBirth": "%s",
                    "sex": "FEMALE", "schoolUrn": "%s", "present": true},
                   {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Victimname", "familyName": "%s",
                    "dateOfBirth": "1988-02-01", "sex": "FEMALE"}]}"""
                .formatted(reference, given, family, dob, urn, family);
    }

    PartnerClient as(String token) {
        return PartnerClient.of(port, token);
    }

    @Test
    void aSchoolReportsOnlyItsOwnUrnAndTheEducationServiceAny() throws Exception {
        // Given school 123456's credential and the education service's
        // When each posts attendance
        HttpResponse<String> own =
                as("schools-dev-token").post("/api/schools/attendance", attendance("123456", "Jess", "Ashworth"));
        HttpResponse<String> foreign =
                as("schools-dev-token").post("/api/schools/attendance", attendance("654321", "Jess", "Ashworth"));
        HttpResponse<String> roll =
                as("council-dev-token").post("/api/schools/attendance", attendance("654321", "Jess", "Ashworth"));

        // Then the school's own URN and the education service's roll record are accepted, another URN is a 403 by field
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        assertThat(roll.statusCode()).as(roll.body()).isEqualTo(202);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("attendance.schoolUrn");
        assertThat(foreign.body()).doesNotContain("Jess", "654321");

        // and a school may not record home education, nor the police post here
        String home =
                """
                {"people": [{"ref": "p1", "role": "CHILD", "givenName": "Kai", "familyName": "Moreton",
                             "dateOfBirth": "2014-06-09"}],
                 "homeEducation": {"status": "ACTIVE", "since": "2026-09-01"}}""";
        assertThat(as("schools-dev-token")
                        .post("/api/schools/elective-home-education", home)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("police-dev-token")
                        .post("/api/schools/attendance", attendance("123456", "Jess", "Ashworth"))
                        .statusCode())
                .isEqualTo(403);
        // a bad body is a 400 naming the field, never the value
        HttpResponse<String> bad = as("schools-dev-token")
                .post(
                        "/api/schools/attendance",
                        attendance("123456", "Jess", "Ashworth").replace("103", "121"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("attendance.sessionsAttended").doesNotContain("Jess", "121");
    }

    @Test
    void attendanceFilesInTheWatchedFolderBecomeRecordsAndBadRowsAreDeadLettered() throws Exception {
        // Given the documented example in school 123456's folder, with one bad row
        Path folder = Files.createDirectories(INBOX.resolve("123456"));
        String file = Files.readString(Path.of("../docs/partners/schools-attendance-example.csv"))
                + "123456,2026-autumn,p4,,Zed,Quill,2013-02-30,F,,/\\/\\,,,\n";
        Files.writeString(folder.resolve("tmp.part"), file);
        Files.move(folder.resolve("tmp.part"), folder.resolve("autumn.csv"));

        // When the hub reads the folder, Then the file is processed once and moved aside, with its rows counted
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(folder.resolve("processed/autumn.csv"))
                .exists());
        List<java.util.Map<String, Object>> claims = jdbc.queryForList(
                "select rows_read, rows_failed from school_inbox_file where file_name = '123456/autumn.csv'");
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).get("rows_read")).isEqualTo(3);
        assertThat(claims.get(0).get("rows_failed")).isEqualTo(1);
    }

    @Test
    void operationEncompassIsAcknowledgedByTheSchoolAndAnUnacknowledgedOneEscalated() throws Exception {
        // Given school 123456 listening, and two incidents about two of its pupils
        register("123456", SINK.baseUrl() + "/schools/123456/notifications");
        String first = "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
        String second = "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
        as("police-dev-token")
                .accepted("/api/police/incidents", incident(first, "Amy", "Smith", "2016-04-03", "123456"));
        String secondRecord = as("police-dev-token")
                .accepted("/api/police/incidents", incident(second, "Lily", "Hart", "2017-01-09", "123456"));
        JsonNode one = notification(first);
        JsonNode two = notification(second);
        assertThat(one.get("type").asText()).isEqualTo("safeguarding/domestic-abuse-notification");

        // When the designated safeguarding lead acknowledges the first (another school cannot)
        String path =
                "/api/schools/acknowledgements/" + one.get("notificationId").asText();
        assertThat(as("school-654321-dev-token").post(path, null).statusCode()).isEqualTo(404);
        HttpResponse<String> ack = PartnerClient.of(port, "schools-dev-token")
                .as("dsl-7", "designated-safeguarding-lead")
                .post(path, null);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).get("acknowledgedAt").isNull()).isFalse();

        // and 08:30 on the school day both were due passes (the due time moved into the past)
        jdbc.update(
                "update school_notification set due_at = now() - interval '1 minute' where delivery_id in (?, ?)",
                one.get("notificationId").asText(),
                two.get("notificationId").asText());

        // Then only the unacknowledged one is escalated: in the ledger, for the board and for the education service
        String secondId = two.get("notificationId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as("governance-dev-token")
                        .get("/api/ledger/escalations")
                        .body())
                .contains(secondId));
        String feed = as("governance-dev-token").get("/api/ledger/escalations").body();
        assertThat(feed).doesNotContain(one.get("notificationId").asText()).doesNotContain("Lily", "Hart");
        assertThat(as("council-dev-token").get("/api/schools/escalations").body())
                .contains(secondId);
        assertThat(as("schools-dev-token").get("/api/schools/escalations").statusCode())
                .isEqualTo(403);
        JsonNode ledger = JSON.readTree(as("governance-dev-token")
                .get("/api/ledger/records/" + secondRecord)
                .body());
        assertThat(ledger.toString()).contains("council:education-service", "08:30");
    }

    @Test
    void aHomeEducatedChildsNotificationGoesToTheCouncilsEheTeam() throws Exception {
        // Given the education service's record that Maya is electively home educated
        String home =
                """
                {"people": [{"ref": "p1", "role": "CHILD", "givenName": "Maya", "familyName": "Okafor",
                             "dateOfBirth": "2015-08-21"}],
                 "homeEducation": {"status": "ACTIVE", "since": "2026-09-01", "previousSchoolUrn": "123456"}}""";
        HttpResponse<String> recorded = as("council-dev-token").post("/api/schools/elective-home-education", home);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(202);
        register("123456", SINK.baseUrl() + "/schools/123456/notifications");

        // When the police report an incident naming her old school
        String reference = "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
        as("police-dev-token")
                .accepted("/api/police/incidents", incident(reference, "Maya", "Okafor", "2015-08-21", "123456"));

        // Then the notification goes to the EHE team, not the school
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SINK.received())
                .anyMatch(r -> r.urn().equals("ehe-team") && r.body().contains(reference)));
        assertThat(SINK.received())
                .noneMatch(r -> r.urn().equals("123456") && r.body().contains(reference));
    }

    JsonNode notification(String reference) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SINK.received().stream().anyMatch(r -> r.body().contains("\"" + reference + "\"")));
        return JSON.readTree(SINK.received().stream()
                .filter(r -> r.body().contains("\"" + reference + "\""))
                .findFirst()
                .orElseThrow()
                .body());
    }

    void register(String urn, String endpoint) throws Exception {
        HttpResponse<String> r = HubProcess.send(
                port,
                "PUT",
                "/api/directory/schools/" + urn,
                "governance-dev-token",
                "{\"name\":\"School " + urn + "\",\"endpoint\":\"" + endpoint + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}

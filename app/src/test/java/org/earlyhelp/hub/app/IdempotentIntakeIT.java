package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A retried post is the same record, on the running hub (embedded Kafka and PostgreSQL, schools played by a real
 * HTTP listener): the police system's own incident reference, or an Idempotency-Key header, is the key.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
class IdempotentIntakeIT {

    static final String POLICE = "police-dev-token";
    static final String CASESYSTEM = "casesystem-dev-token";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static NotificationSink schools;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startSchools() {
        schools = new NotificationSink();
    }

    @AfterAll
    static void stopSchools() {
        schools.close();
    }

    @Test
    void aPostRetriedAfterATimeoutIsOneIncidentAndOneNotification() throws Exception {
        // Given a school and an incident about its pupil
        registerSchool("320001");
        String reference = newReference();
        String body = OperationEncompassIT.incident(reference, "320001", null);
        // When the police system's post reaches the hub but the answer never reaches the police system (the client
        // gives up and closes the connection), and the hub goes on to notify the school
        postAndHangUp("/api/police/incidents", POLICE, body);
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsAbout(reference) == 1);
        // and the police system then posts again
        HttpResponse<String>[] retry = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            retry[0] = post("/api/police/incidents", POLICE, body, null, Duration.ofSeconds(30));
            return retry[0].statusCode() == 202;
        });
        String id = json.readTree(retry[0].body()).get("id").asText();
        // Then every later retry gets the same answer
        HttpResponse<String> again = post("/api/police/incidents", POLICE, body, "retry-" + reference, null);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("id").asText()).isEqualTo(id);
        // And the school is told exactly once
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsAbout(reference) == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> notificationsAbout(reference) == 1);
    }

    @Test
    void aRetriedPostGetsTheFirstIdAndStatus() throws Exception {
        String body = OperationEncompassIT.incident(newReference(), "320002", null);
        HttpResponse<String> first = post("/api/police/incidents", POLICE, body, null, null);
        HttpResponse<String> second = post("/api/police/incidents", POLICE, body, null, null);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json.readTree(second.body())).isEqualTo(json.readTree(first.body()));
    }

    @Test
    void aDifferentIncidentUnderAUsedReferenceOrKeyIsAConflict() throws Exception {
        String reference = newReference();
        String key = "key-" + UUID.randomUUID();
        String body = OperationEncompassIT.incident(reference, "320003", null);
        assertThat(post("/api/police/incidents", POLICE, body, key, null).statusCode())
                .isEqualTo(202);
        // the same reference with another child's school
        HttpResponse<String> changed =
                post("/api/police/incidents", POLICE, body.replace("320003", "320004"), null, null);
        assertThat(changed.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(changed.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("reference");
        assertThat(error.get("reason").asText()).doesNotContain(reference);
        // the same key for another incident
        HttpResponse<String> reused = post(
                "/api/police/incidents",
                POLICE,
                OperationEncompassIT.incident(newReference(), "320003", null),
                key,
                null);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(reused.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .isNull())
                .isTrue();
    }

    @Test
    void anIdempotencyKeyMakesARecordsPostIdempotent() throws Exception {
        String key = "case-" + UUID.randomUUID();
        String body = caseRecord("2015-03-04");
        HttpResponse<String> first = post("/api/casesystem/involvements", CASESYSTEM, body, key, null);
        HttpResponse<String> retry = post("/api/casesystem/involvements", CASESYSTEM, body, key, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
        assertThat(post("/api/casesystem/involvements", CASESYSTEM, caseRecord("2015-03-05"), key, null)
                        .statusCode())
                .isEqualTo(409);
        // without a key, each post is a new record
        HttpResponse<String> a = post("/api/casesystem/involvements", CASESYSTEM, body, null, null);
        HttpResponse<String> b = post("/api/casesystem/involvements", CASESYSTEM, body, null, null);
        assertThat(json.readTree(a.body()).get("id"))
                .isNotEqualTo(json.readTree(b.body()).get("id"));
    }

    @Test
    void aMalformedIdempotencyKeyIsA400() throws Exception {
        HttpResponse<String> r = post(
                "/api/police/incidents",
                POLICE,
                OperationEncompassIT.incident(newReference(), "320005", null),
                "x".repeat(300),
                null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Idempotency-Key").doesNotContain("xxxx");
    }

    /** Sends a post and closes the connection without reading the answer: a client that timed out. */
    private void postAndHangUp(String path, String token, String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    private long notificationsAbout(String reference) {
        return schools.received().stream()
                .filter(r -> r.body().contains("\"" + reference + "\""))
                .count();
    }

    private HttpResponse<String> post(String path, String token, String body, String key, Duration timeout)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout == null ? Duration.ofSeconds(30) : timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void registerSchool(String urn) throws Exception {
        HttpResponse<String> r = HubProcess.send(
                port,
                "PUT",
                "/api/directory/schools/" + urn,
                "governance-dev-token",
                "{\"name\":\"School " + urn + "\",\"endpoint\":\"" + schools.baseUrl() + "/schools/" + urn
                        + "/notifications\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String newReference() {
        return "DA/2026/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String caseRecord(String dateOfBirth) {
        return """
                {"type": "case-involvement",
                 "people": [{"ref": "c", "role": "CHILD", "givenName": "Jessica", "familyName": "Idempotent",
                   "dateOfBirth": "%s"}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01"}}
                """
                .formatted(dateOfBirth);
    }
}

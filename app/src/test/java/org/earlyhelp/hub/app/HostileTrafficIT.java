package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A few hundred generated hostile bodies per endpoint through one running hub (its own process, real Kafka and
 * PostgreSQL), with valid incidents sent between them: no answer is a 5xx, none hangs, no name from the inputs reaches
 * a log, and the school is told about every valid incident exactly once.
 */
class HostileTrafficIT {

    static final int PER_ENDPOINT = 300;
    static final int CSV_PER_ENDPOINT = 200;
    static final int VALID_EVERY = 10;
    static final ObjectMapper json = new ObjectMapper();

    final HubProcess hub = new HubProcess(Path.of("target", "hostile-data-" + UUID.randomUUID()));
    final NotificationSink schools = new NotificationSink();
    final Path hubLog = Path.of("target", "hostile-traffic.log");

    @AfterEach
    void stop() throws Exception {
        hub.close();
        schools.close();
    }

    @Test
    void hostileTrafficGetsNo5xxAndEveryValidIncidentBetweenIsDeliveredOnce() throws Exception {
        // Given a running hub and a school listening
        hub.start("hostile-traffic");
        assertThat(hub.send(
                                "PUT",
                                "/api/directory/schools/" + HostileRequests.SCHOOL_URN,
                                "governance-dev-token",
                                "{\"endpoint\": \"" + schools.baseUrl() + "/schools/" + HostileRequests.SCHOOL_URN
                                        + "/notifications\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> caseRecord =
                hub.send("POST", "/api/casesystem/involvements", "casesystem-dev-token", HostileRequests.CASE_RECORD);
        assertThat(caseRecord.statusCode()).as(caseRecord.body()).isEqualTo(202);
        List<HostileRequests.Endpoint> endpoints = HostileRequests.endpoints(
                json.readTree(caseRecord.body()).get("id").asText());
        Map<HostileRequests.Endpoint, List<String>> bodies = new HashMap<>();
        for (HostileRequests.Endpoint e : endpoints) {
            bodies.put(
                    e,
                    HostileJson.bodies(e.valid())
                            .sampleStream()
                            .limit(PER_ENDPOINT)
                            .toList());
        }
        // When they are sent, round after round, with a valid incident every few rounds
        List<String> validReferences = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            for (HostileRequests.Endpoint e : endpoints) {
                // the client gives up after 30 s: a hang fails the test
                HttpResponse<String> r =
                        hub.send(e.method(), e.path(), e.token(), bodies.get(e).get(i));
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() >= 500) {
                    failures.add(e.path() + " " + r.statusCode() + " " + r.body());
                }
            }
            if (i % VALID_EVERY == 0) {
                String reference = "DA/VALID/" + i;
                HttpResponse<String> r = hub.send(
                        "POST",
                        "/api/police/incidents",
                        "police-dev-token",
                        HostileRequests.INCIDENT.replace("DA/HOSTILE/1", reference));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                validReferences.add(reference);
            }
        }
        // And hostile CSV extracts (each connector's committed example, truncated, with invalid UTF-8, NULs, stray
        // quotes, oversized fields, lost headers) go to the extract endpoints, interleaved with the rest
        for (String[] extract : new String[][] {
            {"/api/housing/extracts", "housing-dev-token", "../docs/partners/housing-extract-example.csv"},
            {"/api/police/extracts", "police-dev-token", "../docs/partners/police-extract-example.csv"}
        }) {
            byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(extract[2]));
            java.util.Random random = new java.util.Random(extract[0].hashCode());
            for (int i = 0; i < CSV_PER_ENDPOINT; i++) {
                HttpResponse<String> r = sendCsv(extract[0], extract[1], HostileCsv.mutate(example, random));
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() >= 500 || !r.body().startsWith("{")) {
                    failures.add(extract[0] + " " + r.statusCode() + " " + r.body());
                }
            }
        }
        // Then no answer was a failure of the hub's
        assertThat(failures).as("5xx answers (statuses %s)", statuses).isEmpty();
        // And the school received each valid incident exactly once
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(deliveredReferences()).containsAll(validReferences));
        Map<String, Integer> counts = new HashMap<>();
        for (String reference : deliveredReferences()) {
            counts.merge(reference, 1, Integer::sum);
        }
        for (String reference : validReferences) {
            assertThat(counts.get(reference)).as(reference).isEqualTo(1);
        }
        // And no name from the inputs reached the hub's log or PostgreSQL's
        hub.close();
        assertThat(HostileRequests.hitsIn(hubLog))
                .as("hub log lines with personal data")
                .isEmpty();
        assertThat(HostileRequests.hits(hub.dataDir.resolve("postgres").resolve(EmbeddedPostgres.LOG_DIRECTORY)))
                .as("PostgreSQL log lines with personal data")
                .isEmpty();
    }

    private HttpResponse<String> sendCsv(String path, String token, byte[] body) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + hub.port + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "text/csv")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The incident reference of every distinct notification (idempotency key) the school received: a redelivery under
     * the same key is the same notification, a second key for one incident would be a second one.
     */
    private List<String> deliveredReferences() throws Exception {
        List<String> references = new ArrayList<>();
        for (String key : schools.keys()) {
            JsonNode fields = json.readTree(schools.bodyFor(key)).get("fields");
            if (fields != null && fields.has("incident.reference")) {
                references.add(fields.get("incident.reference").asText());
            }
        }
        return references;
    }
}

package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board edits a file in the agreements directory of a running hub: the change is in force within the watch
 * interval, without a restart, and in the ledger with its versions, status and diff; a file broken on disk is refused
 * whole, ledgered, and the version in force stays.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.simulator.enabled=false",
            "hub.agreements.watch-interval=300ms"
        })
class AgreementWatchIT {

    static final Path DIR = copyOfTheBoardsAgreements();
    static final Path ENCOMPASS = DIR.resolve("police-to-schools-domestic-abuse.yaml");
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void agreements(DynamicPropertyRegistry registry) {
        registry.add("hub.agreements.dir", DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void anEditOnDiskIsInForceWithoutARestartAndABrokenOneIsRefusedAndLedgered() throws Exception {
        // Given the hub started: each agreement in force is in the ledger once
        List<JsonNode> atStart = changes();
        assertThat(atStart)
                .filteredOn(e -> e.path("details").path("change").asText().equals("in-force"))
                .hasSizeGreaterThanOrEqualTo(10);

        // When the board suspends Operation Encompass and raises its version, on disk
        String approved = Files.readString(ENCOMPASS);
        Files.writeString(
                ENCOMPASS,
                approved.replace("version: 1", "version: 2").replace("status: approved ", "status: suspended"));

        // Then within the watch interval it is in force as version 2, suspended, and ledgered with its diff
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(agreement("police-to-schools-domestic-abuse"))
                        .contains("\"version\":2", "\"status\":\"suspended\""));
        JsonNode change = changes().stream()
                .filter(e -> e.path("details").path("change").asText().equals("changed"))
                .filter(e -> e.path("agreementId").asText().equals("police-to-schools-domestic-abuse"))
                .findFirst()
                .orElseThrow();
        assertThat(change.path("actor").asText()).isEqualTo("hub:agreements-watcher");
        JsonNode d = change.path("details");
        assertThat(d.path("version-before").asText()).isEqualTo("1");
        assertThat(d.path("version").asText()).isEqualTo("2");
        assertThat(d.path("status-before").asText()).isEqualTo("approved");
        assertThat(d.path("status").asText()).isEqualTo("suspended");
        assertThat(d.path("diff").asText()).contains("-version: 1", "+version: 2", "+status: suspended");

        // When a file on disk is broken (a field that does not exist)
        String suspended = Files.readString(ENCOMPASS);
        Files.writeString(ENCOMPASS, suspended.replace("child.date-of-birth:", "child.date-of-brith:"));

        // Then the change is refused whole, ledgered with the error's file and line, and version 2 stays in force
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(changes()).anySatisfy(e -> {
                    assertThat(e.path("details").path("change").asText()).isEqualTo("refused");
                    assertThat(e.path("details").path("problems").asText())
                            .contains("police-to-schools-domestic-abuse.yaml:", "child.date-of-brith");
                }));
        assertThat(agreement("police-to-schools-domestic-abuse")).contains("\"version\":2");

        // And mended, it is applied again
        Files.writeString(ENCOMPASS, approved.replace("version: 1", "version: 3"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(agreement("police-to-schools-domestic-abuse"))
                        .contains("\"version\":3", "\"status\":\"approved\""));
        long versionsRecorded = changes().stream()
                .filter(e -> e.path("agreementId").asText().equals("police-to-schools-domestic-abuse"))
                .count();
        assertThat(versionsRecorded)
                .as("in force at start, changed to 2, changed to 3: each once")
                .isEqualTo(3);
    }

    private String agreement(String id) throws Exception {
        JsonNode list = new ObjectMapper().readTree(get("/api/agreements").body());
        for (JsonNode a : list) {
            if (a.path("id").asText().equals(id)) {
                return a.toString();
            }
        }
        return "";
    }

    private List<JsonNode> changes() throws Exception {
        HttpResponse<String> r = get("/api/ledger/agreement-changes");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).forEach(out::add);
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer governance-dev-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Path copyOfTheBoardsAgreements() {
        try {
            Path dir = Path.of("target", "it-agreements-watch-" + UUID.randomUUID())
                    .toAbsolutePath();
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(Path.of("..", "agreements"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

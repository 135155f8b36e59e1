package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger findings performed on the running hub (real embedded Kafka and PostgreSQL): the tail cut and the head
 * rewritten to match is named by {@code GET /api/ledger/verify} through the checkpoints the hub wrote, and a person
 * posted in decomposed Unicode is found by a search in composed Unicode.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.ledger.checkpoints.every=3",
            "hub.ledger.checkpoints.interval=200ms"
        })
class LedgerTailIT {

    static final String POLICE = "police-dev-token";
    static final String GOVERNANCE = "governance-dev-token";
    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${hub.embedded.data-dir}")
    Path dataDir;

    JsonNode verify() throws Exception {
        var r = HubProcess.send(port, "GET", "/api/ledger/verify", GOVERNANCE, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    String post(String body) throws Exception {
        var r = HubProcess.send(port, "POST", "/api/police/incidents", POLICE, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("id").asText();
    }

    long head() {
        return jdbc.queryForObject("select seq from ledger_head", Long.class);
    }

    @Test
    void aCutTailWithTheHeadRewrittenIsNamedThroughTheCheckpointsTheHubWrote() throws Exception {
        // Given incidents decided and the head checkpointed outside the database
        for (int i = 0; i < 4; i++) {
            post(OperationEncompassIT.incident("DA/TAIL/" + UUID.randomUUID(), "400001", null));
        }
        Path checkpoints = dataDir.resolve("ledger-checkpoints");
        // every decision made (an incident is decided for each agreement that covers it, in more than one batch): the
        // head unchanged over two polls, and checkpointed
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(-1);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(700))
                .until(() -> {
                    long h = head();
                    boolean stable = h >= 4 && h == seen.getAndSet(h);
                    return stable && Files.exists(checkpoints.resolve(String.format("checkpoint-%020d.txt", h)));
                });
        long last = head();
        assertThat(verify().get("intact").asBoolean()).isTrue();

        // When the last two entries are deleted and ledger_head rewritten to match
        jdbc.update("delete from ledger_entry where seq > ?", last - 2);
        jdbc.update(
                "update ledger_head set seq = ?, hash = (select hash from ledger_entry where seq = ?)",
                last - 2,
                last - 2);
        JsonNode result = verify();

        // Then the running hub names the truncation
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("problems").get(0).get("kind").asText()).isEqualTo("TRUNCATED");
        assertThat(result.get("firstBroken").asLong()).isEqualTo(last - 1);
        assertThat(result.get("why").asText()).contains("truncated tail", "saw " + last + " entries");
    }

    @Test
    void aChildPostedWithADecomposedAccentIsFoundByAComposedSearch() throws Exception {
        // Given an incident naming the child "José" as e + combining accent (NFD)
        String nfd = Normalizer.normalize("José", Normalizer.Form.NFD);
        String body = OperationEncompassIT.incident("DA/NFD/" + UUID.randomUUID(), "400002", null)
                .replace("\"givenName\": \"Amy\"", "\"givenName\": \"" + nfd + "\"");
        assertThat(body).contains(nfd);
        String recordId = post(body);

        // When the board searches with the composed form (NFC)
        String nfc = Normalizer.normalize("José", Normalizer.Form.NFC);
        String query = "{\"givenName\":\"" + nfc + "\",\"familyName\":\"Smith\",\"dateOfBirth\":\"2016-04-03\"}";

        // Then the child's entry is found
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var r = HubProcess.send(port, "POST", "/api/ledger/people/search", GOVERNANCE, query);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json.readTree(r.body()).findValuesAsText("recordId")).contains(recordId);
        });
    }
}

package org.earlyhelp.hub.simulator.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedPoliceTest {

    /** What the stub hub saw of one request. */
    record Seen(String method, String path, String authorization, String contentType, String body) {}

    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private HttpServer hub;
    private PoliceIncidentGenerator generator;

    @BeforeEach
    void startStubHub() throws IOException {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                seen.add(new Seen(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body));
                byte[] answer = "{\"id\":\"rec-1\",\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        hub.start();
        generator = new PoliceIncidentGenerator(
                SyntheticPopulation.generate(3L, 50, LocalDate.now()), 4L, Clock.systemUTC());
    }

    @AfterEach
    void stopStubHub() {
        hub.stop(0);
    }

    private URI hubUrl() {
        return URI.create("http://localhost:" + hub.getAddress().getPort());
    }

    @Test
    void post_sends_the_incident_with_the_bearer_token_and_counts_202_as_accepted() throws Exception {
        // Given a simulated police force pointed at a hub that answers 202
        SimulatedPolice police = new SimulatedPolice(hubUrl(), "secret-token", generator);
        Incident incident = generator.next();

        // When it posts one incident
        PostResult result = police.post(incident);

        // Then the hub saw a JSON POST to the incidents endpoint with the bearer token and the incident's body
        assertThat(result.status()).isEqualTo(202);
        assertThat(result.accepted()).isTrue();
        assertThat(result.body()).contains("accepted");
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(s.path()).isEqualTo("/api/police/incidents");
            assertThat(s.authorization()).isEqualTo("Bearer secret-token");
            assertThat(s.contentType()).isEqualTo("application/json");
            assertThat(new ObjectMapper().readTree(s.body()).get("reference").asText())
                    .isEqualTo(incident.reference());
        });
        // and the counters record it as sent and accepted
        assertThat(police.sent()).isEqualTo(1);
        assertThat(police.accepted()).isEqualTo(1);
        assertThat(police.rejected()).isZero();
    }

    @Test
    void post_counts_any_other_status_as_rejected() {
        // Given a hub that answers 400
        status.set(400);
        SimulatedPolice police = new SimulatedPolice(hubUrl(), "secret-token", generator);

        // When an incident is posted
        PostResult result = police.post(generator.next());

        // Then it is counted as rejected, not accepted
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.accepted()).isFalse();
        assertThat(police.rejected()).isEqualTo(1);
        assertThat(police.accepted()).isZero();
    }

    @Test
    void start_posts_at_a_rate_until_stopped() {
        // Given a simulated police force
        try (SimulatedPolice police = new SimulatedPolice(hubUrl(), "secret-token", generator)) {

            // When it runs at 200 incidents a second
            police.start(200);

            // Then incidents arrive and are accepted
            await().atMost(Duration.ofSeconds(10)).until(() -> police.accepted() >= 20);
            police.stop();
            assertThat(police.running()).isFalse();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> police.accepted() + police.rejected() == police.sent() - police.failed());
            assertThat(seen).hasSizeGreaterThanOrEqualTo(20);
            assertThat(seen).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer secret-token"));
            assertThat(seen.stream().map(Seen::body).distinct()).hasSize(seen.size());
        }
    }
}

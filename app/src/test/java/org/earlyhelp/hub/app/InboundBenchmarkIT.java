package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records per second each inbound connector accepts (posted over HTTP, 202 once Kafka holds the record), beside a
 * baseline measured in the same run on the same hub: the same clients calling the liveness endpoint, an HTTP round
 * trip with no work behind it. Not a timed test: it prints figures, writes them to target/inbound-benchmark.txt and
 * asserts only that the work was done. Run with
 * {@code ./mvnw -pl app -am verify -Dbenchmark=true -Dit.test=InboundBenchmarkIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}
 * (knob: {@code -Dbenchmark.records=3000} per connector).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InboundBenchmarkIT {

    static final int RECORDS = Integer.getInteger("benchmark.records", 3_000);
    static final int CLIENTS = 16;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void measureEachInboundConnector() throws Exception {
        report(
                "machine: %d cores, %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("java.version"));
        SyntheticPopulation population = SyntheticPopulation.generate(13, 5_000);
        try (HubProcess hub = new HubProcess(Path.of("target", "bench-data-" + UUID.randomUUID()))) {
            hub.start("bench-inbound");
            URI base = hub.baseUrl();
            List<Request> warm = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                warm.add(new Request(HttpRequest.newBuilder(base.resolve("/actuator/health/liveness"))
                        .GET()
                        .build()));
            }
            run(warm, 200);
            List<Request> liveness = new ArrayList<>(warm);
            double baseline = run(liveness, 200);
            report("baseline: liveness round trips with %d clients: %.0f requests/s", CLIENTS, baseline);
            for (Connector c : Connectors.discover().all()) {
                if (c.simulation().isEmpty()) {
                    continue;
                }
                PartnerFeed feed = c.simulation().get();
                Iterator<PartnerFeed.Post> posts = feed.posts(population, 13);
                List<Request> requests = new ArrayList<>();
                for (int i = 0; i < RECORDS && posts.hasNext(); i++) {
                    PartnerFeed.Post p = posts.next();
                    requests.add(new Request(HttpRequest.newBuilder(base.resolve(p.path()))
                            .header("Authorization", "Bearer " + feed.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(p.json()))
                            .build()));
                }
                double rate = run(requests, 202);
                report(
                        "%s: %d records accepted: %.0f records/s, ratio to the baseline %.3f",
                        feed.partner(), requests.size(), rate, rate / baseline);
            }
        }
        Files.write(Path.of("target", "inbound-benchmark.txt"), report);
        assertThat(report).hasSizeGreaterThan(2);
    }

    record Request(HttpRequest request) {}

    /** Sends every request with {@link #CLIENTS} clients; the rate of those answered {@code expect}. */
    private double run(List<Request> requests, int expect) throws InterruptedException {
        Queue<Request> queue = new ConcurrentLinkedQueue<>(requests);
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Request r;
                while ((r = queue.poll()) != null) {
                    try {
                        int status = http.send(r.request(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        (status == expect ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(other.get()).as("requests not answered %d", expect).isZero();
        return ok.get() / seconds;
    }

    private void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[benchmark] " + line);
        report.add(line);
    }
}

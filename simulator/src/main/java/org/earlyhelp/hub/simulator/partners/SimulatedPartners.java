package org.earlyhelp.hub.simulator.partners;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every partner feed to the hub, each at its own steady rate, from one daemon scheduler thread, one request at
 * a time per feed (a slow hub slows the feed, it never piles up). Only partner kinds and status codes are logged, at
 * DEBUG: bodies carry personal data and are never logged.
 */
public final class SimulatedPartners implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPartners.class);

    private final URI hub;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-partners");
        t.setDaemon(true);
        return t;
    });
    private final List<AtomicLong> accepted = new ArrayList<>();

    public SimulatedPartners(URI hub) {
        this.hub = hub;
    }

    /** Starts posting {@code feed} at {@code perSecond} requests a second. */
    public synchronized void start(PartnerFeed feed, SyntheticPopulation population, long seed, double perSecond) {
        Iterator<PartnerFeed.Post> posts = feed.posts(population, seed);
        AtomicLong ok = new AtomicLong();
        accepted.add(ok);
        long periodMicros = Math.max(1_000, (long) (1_000_000 / Math.max(0.01, perSecond)));
        scheduler.scheduleWithFixedDelay(
                () -> {
                    if (!posts.hasNext()) {
                        return;
                    }
                    PartnerFeed.Post post = posts.next();
                    try {
                        HttpResponse<Void> r = client.send(
                                HttpRequest.newBuilder(hub.resolve(post.path()))
                                        .timeout(Duration.ofSeconds(10))
                                        .header("Authorization", "Bearer " + feed.token())
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(post.json()))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 202) {
                            ok.incrementAndGet();
                        }
                        log.debug("simulated {} post: status={}", feed.partner(), r.statusCode());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        log.debug(
                                "simulated {} post failed: {}",
                                feed.partner(),
                                e.getClass().getSimpleName());
                    }
                },
                periodMicros,
                periodMicros,
                TimeUnit.MICROSECONDS);
    }

    /** Requests the hub accepted (202), across every feed. */
    public long accepted() {
        return accepted.stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

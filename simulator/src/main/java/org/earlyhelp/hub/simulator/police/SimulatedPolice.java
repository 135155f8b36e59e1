package org.earlyhelp.hub.simulator.police;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The police force's system, posting incidents to the hub's {@code POST /api/police/incidents} with a bearer token.
 * {@link #post(Incident)} posts one and waits; {@link #start(double)} posts at a steady rate from a single daemon
 * scheduler thread until {@link #stop()}. Only references and status codes are logged, at DEBUG: bodies carry
 * personal data and are never logged.
 */
public final class SimulatedPolice implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPolice.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Posts in flight at once when running at a rate; ticks that find none free skip their post. */
    private static final int MAX_IN_FLIGHT = 256;

    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final URI endpoint;
    private final String bearerToken;
    private final PoliceIncidentGenerator generator;
    private final HttpClient client;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public SimulatedPolice(URI hubBaseUrl, String bearerToken, PoliceIncidentGenerator generator) {
        Objects.requireNonNull(hubBaseUrl, "hubBaseUrl");
        String base = hubBaseUrl.toString();
        this.endpoint = URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/police/incidents");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                // a small fixed pool: the default cached pool creates threads under load
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "simulated-police-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /**
     * Starts posting generated incidents at the given rate on one daemon scheduler thread. Posts are sent
     * asynchronously, at most {@value #MAX_IN_FLIGHT} at a time, so a slow hub lowers the rate instead of queueing.
     */
    public synchronized void start(double incidentsPerSecond) {
        if (!(incidentsPerSecond > 0) || Double.isInfinite(incidentsPerSecond)) {
            throw new IllegalArgumentException("incidentsPerSecond must be positive: " + incidentsPerSecond);
        }
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        long tickNanos = Math.max(MIN_TICK_NANOS, (long) (1_000_000_000L / incidentsPerSecond));
        double perTick = incidentsPerSecond * tickNanos / 1_000_000_000d;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-police");
            t.setDaemon(true);
            return t;
        });
        double[] due = {0};
        scheduler.scheduleAtFixedRate(
                () -> {
                    due[0] += perTick;
                    while (due[0] >= 1) {
                        due[0] -= 1;
                        try {
                            postAsync();
                        } catch (RuntimeException e) {
                            // an exception would cancel the schedule; count it and keep going
                            failed.incrementAndGet();
                            log.debug("Posting an incident failed: {}", e.toString());
                        }
                    }
                },
                0,
                tickNanos,
                TimeUnit.NANOSECONDS);
        log.debug("Posting incidents to {} at {}/s", endpoint, incidentsPerSecond);
    }

    /** Stops posting; posts already in flight may still complete and be counted. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        log.debug("Stopped posting incidents: sent={} accepted={} rejected={}", sent(), accepted(), rejected());
    }

    public synchronized boolean running() {
        return scheduler != null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Posts one incident and waits for the hub's answer. */
    public PostResult post(Incident incident) {
        sent.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(request(incident), HttpResponse.BodyHandlers.ofString());
            return record(incident, response);
        } catch (IOException e) {
            failed.incrementAndGet();
            log.debug("Posting incident {} failed: {}", incident.reference(), e.toString());
            throw new UncheckedIOException("posting incident " + incident.reference() + " failed", e);
        } catch (InterruptedException e) {
            failed.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting incident " + incident.reference(), e);
        }
    }

    private void postAsync() {
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        Incident incident;
        try {
            incident = generator.next();
        } catch (RuntimeException e) {
            inFlight.release();
            log.debug("Cannot generate an incident: {}", e.toString());
            return;
        }
        sent.incrementAndGet();
        CompletableFuture<HttpResponse<String>> future;
        try {
            future = client.sendAsync(request(incident), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            inFlight.release();
            failed.incrementAndGet();
            log.debug("Posting incident {} failed: {}", incident.reference(), e.toString());
            return;
        }
        future.whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                failed.incrementAndGet();
                log.debug("Posting incident {} failed: {}", incident.reference(), error.toString());
            } else {
                record(incident, response);
            }
        });
    }

    private HttpRequest request(Incident incident) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(incident.json()))
                .build();
    }

    private PostResult record(Incident incident, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 202) {
            accepted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
        log.debug("Posted incident {}: HTTP {}", incident.reference(), status);
        return new PostResult(status, response.body());
    }

    /** Incidents posted, by {@link #post(Incident)} or at a rate. */
    public long sent() {
        return sent.get();
    }

    /** Incidents the hub answered with HTTP 202. */
    public long accepted() {
        return accepted.get();
    }

    /** Incidents the hub answered with any status other than 202. */
    public long rejected() {
        return rejected.get();
    }

    /** Incidents that got no answer: connection refused, timeout or interruption. */
    public long failed() {
        return failed.get();
    }

    /** Ticks that posted nothing because {@value #MAX_IN_FLIGHT} posts were already in flight. */
    public long skipped() {
        return skipped.get();
    }

    /** The full URL incidents are posted to. */
    public URI endpoint() {
        return endpoint;
    }
}

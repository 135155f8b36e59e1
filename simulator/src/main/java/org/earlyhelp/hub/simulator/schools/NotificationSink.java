package org.earlyhelp.hub.simulator.schools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schools' notification endpoints, played by a real HTTP listener on localhost. Every {@code POST
 * /schools/{urn}/...} must carry an {@code Idempotency-Key} header; the first body for each key is kept, and a later
 * post with the same key counts as a duplicate. New keys get 201, duplicates 200, posts without a key 400, other paths
 * 404 and other methods 405. {@link #failNext(int, int)} makes the next posts fail, for retry tests.
 */
public final class NotificationSink implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small response writes meet the client's delayed ACK: about 40 ms a
        // request instead of about 1 ms. Read once, when the first HttpServer is created in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A notification as the school received it. */
    public record Received(String urn, String key, String body, Instant receivedAt) {}

    private static final String PREFIX = "/schools/";
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong totalPosts = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failedPosts = new AtomicLong();
    private final AtomicLong badRequests = new AtomicLong();
    private final AtomicInteger failRemaining = new AtomicInteger();
    private volatile int failStatus = 503;
    private final Object distinctMonitor = new Object();

    /** Listens on an ephemeral port. */
    public NotificationSink() {
        this(0);
    }

    /** Listens on the given port, or an ephemeral one for 0. */
    public NotificationSink(int port) {
        this(port, Clock.systemUTC());
    }

    public NotificationSink(int port, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "notification-sink-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Answers {@code status} to the next {@code n} well-formed posts, without recording them. */
    public void failNext(int n, int status) {
        if (n < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("n must be >= 0 and status an HTTP status: " + n + ", " + status);
        }
        failStatus = status;
        failRemaining.set(n);
    }

    /** Forgets everything received and any pending failures. */
    public void reset() {
        failRemaining.set(0);
        bodies.clear();
        received.clear();
        totalPosts.set(0);
        duplicates.set(0);
        failedPosts.set(0);
        badRequests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(PREFIX)) {
                respond(exchange, 404, "not a school endpoint");
                return;
            }
            int end = path.indexOf('/', PREFIX.length());
            String urn = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
            if (urn.isEmpty()) {
                respond(exchange, 404, "no school URN in the path");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "POST only");
                return;
            }
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (bytes.length > MAX_BODY_BYTES) {
                badRequests.incrementAndGet();
                respond(exchange, 413, "body too large");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || key.isBlank()) {
                badRequests.incrementAndGet();
                respond(exchange, 400, "Idempotency-Key header is required");
                return;
            }
            if (failRemaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                failedPosts.incrementAndGet();
                respond(exchange, failStatus, "simulated failure");
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            received.add(new Received(urn, key, body, clock.instant()));
            totalPosts.incrementAndGet();
            boolean first = bodies.putIfAbsent(key, body) == null;
            if (first) {
                synchronized (distinctMonitor) {
                    distinctMonitor.notifyAll();
                }
                respond(exchange, 201, "{\"status\":\"received\"}");
            } else {
                duplicates.incrementAndGet();
                respond(exchange, 200, "{\"status\":\"duplicate\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", text.startsWith("{") ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Keys seen so far, each once. */
    public int distinctKeys() {
        return bodies.size();
    }

    /** Recorded posts, duplicates included; failed and malformed posts are not recorded. */
    public long totalPosts() {
        return totalPosts.get();
    }

    /** Recorded posts whose key had already been seen. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Posts answered with the {@link #failNext(int, int)} status. */
    public long failedPosts() {
        return failedPosts.get();
    }

    /** Posts refused as malformed: no key, or a body over 1 MiB. */
    public long badRequests() {
        return badRequests.get();
    }

    /** The first body posted with the key, or {@code null}. */
    public String bodyFor(String key) {
        return bodies.get(key);
    }

    public Set<String> keys() {
        return Set.copyOf(bodies.keySet());
    }

    /** Every recorded post in arrival order, duplicates included. */
    public List<Received> received() {
        return List.copyOf(new ArrayList<>(received));
    }

    /** Waits until at least {@code n} distinct keys have arrived; false if the timeout passes first. */
    public boolean awaitDistinct(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (distinctMonitor) {
            while (distinctKeys() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(distinctMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return distinctKeys() >= n;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

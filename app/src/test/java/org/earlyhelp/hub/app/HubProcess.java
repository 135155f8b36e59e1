package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.hub.simulator.population.School;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.earlyhelp.hub.simulator.schools.NotificationSink;

/** The packaged hub ({@code target/hub.jar}) as a separate process, started as a user starts it. */
final class HubProcess implements AutoCloseable {

    private static final HttpClient http = HttpClient.newHttpClient();

    final int port = freePort();
    final int kafkaPort = freePort();
    final Path dataDir;
    private Process process;
    private Duration startup;

    HubProcess(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts the hub and waits until /actuator/health is UP. */
    HubProcess start(String logName, String... extraArgs) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-jar",
                System.getProperty("hub.jar", "target/hub.jar"),
                "--server.port=" + port,
                "--hub.embedded.data-dir=" + dataDir.toAbsolutePath(),
                "--hub.embedded.kafka-port=" + kafkaPort,
                "--hub.agreements.dir=" + Path.of("..", "agreements").toAbsolutePath(),
                "--hub.simulator.enabled=false",
                // these tests post thousands of incidents a second from one credential, as no real force does
                "--hub.security.rate-limit.requests-per-second=1000000",
                "--hub.security.rate-limit.burst=1000000"));
        cmd.addAll(List.of(extraArgs));
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/" + logName + ".log"))
                    .start();
            process = p;
            // generous: on a loaded 2-core machine the jar has been seen to take over two minutes to start
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(p.isAlive())
                                .as("hub exited; see target/" + logName + ".log")
                                .isTrue();
                        return send("GET", "/actuator/health", null, null)
                                .body()
                                .contains("\"status\":\"UP\"");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startup = Duration.ofNanos(System.nanoTime() - t0);
        return this;
    }

    /** Wall time from launching the JVM to health UP. */
    Duration startup() {
        return startup;
    }

    /** SIGKILL: no shutdown hooks, no flushing, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Resident memory of the hub's JVM and of the embedded PostgreSQL's processes, in MiB. */
    long[] residentMiB() throws IOException {
        long jvm = rssKiB(process.pid());
        long pg = 0;
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            pg = rssKiB(pid);
            for (ProcessHandle child :
                    ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
                pg += rssKiB(child.pid());
            }
        }
        return new long[] {jvm / 1024, pg / 1024};
    }

    private static long rssKiB(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(port, method, path, token, body);
    }

    /** Points every school of the population at the sink's per-school path. */
    void pointSchoolsAt(SyntheticPopulation population, NotificationSink schools) throws Exception {
        for (School s : population.schools()) {
            HttpResponse<String> r = send(
                    "PUT",
                    "/api/directory/schools/" + s.urn(),
                    "governance-dev-token",
                    "{\"endpoint\":\"" + schools.baseUrl() + "/schools/" + s.urn() + "/notifications\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    /** One request to a hub on localhost, with a partner's bearer token when given. */
    static HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

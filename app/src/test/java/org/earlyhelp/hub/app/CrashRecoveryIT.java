package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.hub.simulator.police.Incident;
import org.earlyhelp.hub.simulator.police.PoliceIncidentGenerator;
import org.earlyhelp.hub.simulator.police.PostResult;
import org.earlyhelp.hub.simulator.police.SimulatedPolice;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, started as the README starts it, is killed with SIGKILL in the middle of 10,000
 * incidents and restarted on the same data: every incident it accepted (202) is delivered exactly once, counted at the
 * schools' listener by idempotency key.
 */
class CrashRecoveryIT {

    static final int INCIDENTS = 10_000;
    static final int KILL_AFTER_ACCEPTED = 3_000;
    static final int CLIENTS = 16;

    private final ObjectMapper json = new ObjectMapper();
    private final HubProcess hub = new HubProcess(Path.of("target", "crash-data-" + UUID.randomUUID()));

    @AfterEach
    void stopHub() throws Exception {
        hub.close();
    }

    @Test
    void everyAcceptedIncidentIsDeliveredExactlyOnceAcrossASigkill() throws Exception {
        try (NotificationSink schools = new NotificationSink()) {
            // Given the hub started on its embedded defaults, serving and healthy, with the schools' endpoints set
            hub.start("crash-run-1");
            SyntheticPopulation population = SyntheticPopulation.generate(7, 2_000);
            hub.pointSchoolsAt(population, schools);
            assertThat(hub.send("GET", "/", null, null).body()).contains("Early Help hub");
            PoliceIncidentGenerator generator = new PoliceIncidentGenerator(population, 7, Clock.systemUTC());
            Queue<Incident> toSend = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < INCIDENTS; i++) {
                toSend.add(generator.next());
            }
            SimulatedPolice police = new SimulatedPolice(hub.baseUrl(), "police-dev-token", generator);
            Map<String, Integer> accepted = new ConcurrentHashMap<>(); // reference -> children
            Set<String> unknown = ConcurrentHashMap.newKeySet(); // in flight when the hub died

            // When it is killed with SIGKILL after 3,000 incidents were accepted
            Thread killer = new Thread(() -> {
                await().atMost(Duration.ofMinutes(5)).until(() -> accepted.size() >= KILL_AFTER_ACCEPTED);
                try {
                    hub.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            Queue<Incident> refused = post(police, toSend, accepted, unknown);
            killer.join();
            int acceptedBeforeKill = accepted.size();

            // And restarted on the same data, the police system sending what was refused while it was down
            hub.start("crash-run-2");
            refused.addAll(toSend);
            Queue<Incident> refusedAgain = post(police, refused, accepted, unknown);
            assertThat(refusedAgain).isEmpty();

            // Then every accepted incident reaches each child's school, once per child, by idempotency key
            int expected =
                    accepted.values().stream().mapToInt(Integer::intValue).sum();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> schools.distinctKeys() >= expected);
            Map<String, Set<String>> keysByReference = new ConcurrentHashMap<>();
            for (NotificationSink.Received r : schools.received()) {
                String reference = json.readTree(r.body())
                        .get("fields")
                        .get("incident.reference")
                        .asText();
                keysByReference
                        .computeIfAbsent(reference, x -> ConcurrentHashMap.newKeySet())
                        .add(r.key());
            }
            for (Map.Entry<String, Integer> a : accepted.entrySet()) {
                assertThat(keysByReference.getOrDefault(a.getKey(), Set.of()))
                        .as("notifications for accepted incident %s", a.getKey())
                        .hasSize(a.getValue());
            }
            // and nothing arrives that was never sent (incidents in flight at the kill may or may not have been stored)
            for (String reference : keysByReference.keySet()) {
                assertThat(accepted.containsKey(reference) || unknown.contains(reference))
                        .as("unexpected notification for %s", reference)
                        .isTrue();
            }
            assertThat(acceptedBeforeKill).isGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
            assertThat(accepted.size() + unknown.size()).isEqualTo(INCIDENTS);
            // the ledger survived the kill with its chain intact
            assertThat(hub.send("GET", "/api/ledger/verify", "governance-dev-token", null)
                            .body())
                    .contains("\"intact\":true");
            System.out.printf(
                    "crash recovery: accepted=%d (before kill %d), in flight at kill=%d, notifications=%d,"
                            + " duplicate posts absorbed by key=%d%n",
                    accepted.size(), acceptedBeforeKill, unknown.size(), expected, schools.duplicates());
        }
    }

    /** Posts until the queue is empty or the hub refuses connections; returns what was refused. */
    private Queue<Incident> post(
            SimulatedPolice police, Queue<Incident> queue, Map<String, Integer> accepted, Set<String> unknown)
            throws InterruptedException {
        Queue<Incident> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger down = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Incident incident;
                while (down.get() == 0 && (incident = queue.poll()) != null) {
                    try {
                        PostResult result = police.post(incident);
                        if (result.accepted()) {
                            accepted.put(
                                    incident.reference(), incident.children().size());
                        } else if (result.status() == 503) {
                            refused.add(incident);
                        } else {
                            throw new AssertionError("incident rejected: " + result.status() + " " + result.body());
                        }
                    } catch (UncheckedIOException e) {
                        if (e.getCause() instanceof ConnectException) {
                            refused.add(incident);
                            down.incrementAndGet();
                        } else {
                            unknown.add(incident.reference());
                        }
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        return refused;
    }
}

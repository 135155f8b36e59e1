package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.simulator.police.Incident;
import org.earlyhelp.hub.simulator.police.PoliceIncidentGenerator;
import org.earlyhelp.hub.simulator.police.PostResult;
import org.earlyhelp.hub.simulator.police.SimulatedPolice;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark of issue 2, not a timed test: it prints figures and writes them to target/benchmark.txt, and asserts
 * only that the work was done. Run with
 * {@code ./mvnw -pl app -am verify -Dbenchmark=true -Dit.test=FlowBenchmarkIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ul>
 *   <li>start-up of the packaged hub on its embedded defaults (launch to health UP) and its resident memory;
 *   <li>a plain-Java Kafka relay (poll, send async, flush, commitSync per poll) on the hub's own broker, as the
 *       baseline measured in the same run;
 *   <li>end-to-end throughput: incidents posted over HTTP to notifications delivered to a local HTTP sink;
 *   <li>latency from the 202 to delivery at a fixed offered rate (500 incidents/s, and a lower rate for context).
 * </ul>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FlowBenchmarkIT {

    static final int RELAY_MESSAGES = Integer.getInteger("benchmark.relay", 100_000);
    static final int THROUGHPUT_INCIDENTS = Integer.getInteger("benchmark.incidents", 10_000);
    static final int LATENCY_SECONDS = Integer.getInteger("benchmark.latencySeconds", 20);
    static final int CLIENTS = 32;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> report = new ArrayList<>();

    @Test
    void measureTheOperationEncompassFlow() throws Exception {
        report(
                "machine: %d cores, %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("java.version"));
        try (NotificationSink schools = new NotificationSink();
                HubProcess hub = new HubProcess(Path.of("target", "bench-data-" + UUID.randomUUID()))) {
            hub.start("bench-hub");
            long[] idle = hub.residentMiB();
            report(
                    "start-up (launch to health UP, first run, empty data): %d ms",
                    hub.startup().toMillis());
            report(
                    "resident memory after start: hub JVM %d MiB (incl. Kafka broker), PostgreSQL %d MiB",
                    idle[0], idle[1]);

            double relay = relayBaseline("localhost:" + hub.kafkaPort);
            report("plain-Java Kafka relay on the same broker: %.0f messages/s (%d messages)", relay, RELAY_MESSAGES);

            SyntheticPopulation population = SyntheticPopulation.generate(11, 5_000);
            hub.pointSchoolsAt(population, schools);
            PoliceIncidentGenerator generator = new PoliceIncidentGenerator(population, 11, Clock.systemUTC());
            SimulatedPolice police = new SimulatedPolice(hub.baseUrl(), "police-dev-token", generator);

            // end-to-end throughput
            List<Incident> incidents = new ArrayList<>();
            int expected = 0;
            for (int i = 0; i < THROUGHPUT_INCIDENTS; i++) {
                Incident incident = generator.next();
                incidents.add(incident);
                expected += incident.children().size();
            }
            int target = expected;
            long t0 = System.nanoTime();
            postAll(police, incidents);
            double acceptSeconds = (System.nanoTime() - t0) / 1e9;
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> schools.distinctKeys() >= target);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double incidentsPerSecond = THROUGHPUT_INCIDENTS / seconds;
            report(
                    "end to end: %d incidents (%d notifications) accepted in %.1f s, all delivered in %.1f s:"
                            + " %.0f incidents/s, %.0f notifications/s",
                    THROUGHPUT_INCIDENTS, expected, acceptSeconds, seconds, incidentsPerSecond, expected / seconds);
            report(
                    "ratio to the relay: %.3f (incidents/s over relayed messages/s; aim 0.25)",
                    incidentsPerSecond / relay);
            long[] loaded = hub.residentMiB();
            report("resident memory after the throughput run: hub JVM %d MiB, PostgreSQL %d MiB", loaded[0], loaded[1]);

            for (int rate : new int[] {500, 100}) {
                latency(hub, schools, generator, police, rate);
            }
        }
        Path out = Path.of("target", "benchmark.txt");
        Files.write(out, report);
        assertThat(report).isNotEmpty();
    }

    private void latency(
            HubProcess hub,
            NotificationSink schools,
            PoliceIncidentGenerator generator,
            SimulatedPolice police,
            int rate)
            throws Exception {
        schools.reset();
        Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Integer> children = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS * 2);
        int total = rate * LATENCY_SECONDS;
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            Incident incident = generator.next();
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            clients.submit(() -> {
                PostResult r = police.post(incident);
                if (r.accepted()) {
                    acceptedAt.put(incident.reference(), Instant.now());
                    children.put(incident.reference(), incident.children().size());
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        double offered = total / ((System.nanoTime() - start) / 1e9);
        int expected = children.values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> schools.distinctKeys() >= expected);
        List<Long> millis = new ArrayList<>();
        for (NotificationSink.Received r : schools.received()) {
            String reference = json.readTree(r.body())
                    .get("fields")
                    .get("incident.reference")
                    .asText();
            Instant accepted = acceptedAt.get(reference);
            if (accepted != null) {
                millis.add(
                        Math.max(0, Duration.between(accepted, r.receivedAt()).toMillis()));
            }
        }
        Collections.sort(millis);
        report(
                "latency 202 -> delivered at %d incidents/s offered (%.0f achieved, %d incidents, %d notifications):"
                        + " p50 %d ms, p99 %d ms, max %d ms",
                rate,
                offered,
                acceptedAt.size(),
                millis.size(),
                pct(millis, 50),
                pct(millis, 99),
                millis.get(millis.size() - 1));
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void postAll(SimulatedPolice police, List<Incident> incidents) throws InterruptedException {
        Queue<Incident> queue = new ConcurrentLinkedQueue<>(incidents);
        AtomicLong rejected = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Incident incident;
                while ((incident = queue.poll()) != null) {
                    if (!police.post(incident).accepted()) {
                        rejected.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        assertThat(rejected.get()).isZero();
    }

    /** Messages relayed per second by the plain consume -> produce loop ecosystem.md measured. */
    private static double relayBaseline(String bootstrap) throws Exception {
        String in = "bench.relay.in." + UUID.randomUUID();
        String out = "bench.relay.out." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(in, 4, (short) 1), new NewTopic(out, 4, (short) 1)))
                    .all()
                    .get();
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[600]; // about the size of an encoded incident
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp)) {
            for (int i = 0; i < RELAY_MESSAGES; i++) {
                producer.send(new ProducerRecord<>(in, UUID.randomUUID().toString(), value));
            }
            producer.flush();
        }
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-relay");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long relayed = 0;
        long t0 = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp)) {
            consumer.subscribe(List.of(in));
            while (relayed < RELAY_MESSAGES) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                if (t0 == 0) {
                    t0 = System.nanoTime();
                }
                records.forEach(r -> producer.send(new ProducerRecord<>(out, r.key(), r.value())));
                producer.flush();
                consumer.commitSync();
                relayed += records.count();
            }
        }
        return relayed / ((System.nanoTime() - t0) / 1e9);
    }

    private void report(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("BENCHMARK " + line);
    }
}

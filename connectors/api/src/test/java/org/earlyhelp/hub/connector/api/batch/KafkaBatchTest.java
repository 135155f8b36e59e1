package org.earlyhelp.hub.connector.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch support on a real Camel exchange and Kafka's own in-memory producer: what is isolated, what is retried,
 * what is dead-lettered and when offsets are committed.
 */
class KafkaBatchTest {

    static final String POISON = "poison";

    final CamelContext camel = new DefaultCamelContext();
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final ConsumerProgress progress = new ConsumerProgress(Clock.systemUTC());
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<List<String>> succeeded = Collections.synchronizedList(new ArrayList<>());
    final org.earlyhelp.hub.schema.codec.RecordCodec codec =
            new org.earlyhelp.hub.schema.codec.RecordCodec(org.earlyhelp.hub.schema.codec.SchemaRegistry.load());
    final BatchSettings settings = new BatchSettings(3, Duration.ofMillis(1), Duration.ofMillis(4));

    @org.junit.jupiter.api.BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aPermanentFailureNamedByTheStepDeadLettersThatRecordAloneAndTheRestProceedOnce() {
        // Given a step that fails on the record it names, as the resolver does for a person it cannot index
        KafkaBatch<String> batch = batch(items -> {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).payload().equals(POISON)) {
                    throw new BatchItemFailure(i, new IllegalStateException(new SQLException("NUL", "22P05")));
                }
            }
            succeeded.add(payloads(items));
        });
        // When a batch of 1,000 holds one poison record in the middle
        batch.process(exchange(values(1000, 500)));
        // Then the other 1,000 are handled exactly once, in one go, and only the poison record is dead-lettered
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0)).hasSize(1000).doesNotContain(POISON).doesNotHaveDuplicates();
        assertDeadLettered("database refused the record: SQLState 22P05", 1);
        assertThat(committed).containsExactly("hub.inbound.police#0@1000");
    }

    @Test
    void aPermanentFailureNobodyNamesIsIsolatedBySplittingTheBatch() {
        KafkaBatch<String> batch = batch(items -> {
            if (payloads(items).contains(POISON)) {
                throw new java.time.DateTimeException("Invalid value for Year: -999999");
            }
            succeeded.add(payloads(items));
        });
        batch.process(exchange(values(200, 77)));
        List<String> all = succeeded.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(200).doesNotContain(POISON).doesNotHaveDuplicates();
        // tried with the whole batch, then once per halving until alone: 1 + ceil(log2(201)) tries
        ProducerRecord<String, byte[]> dead = assertDeadLettered("cannot be processed: DateTimeException", 9);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(POISON);
        assertThat(dead.key()).isEqualTo("k77");
    }

    @Test
    void aBatchGivenUpBecauseTheHubIsStoppingIsNotCommittedAndLeavesNoStall() {
        KafkaBatch<String> batch = batch(items -> {
            throw new IllegalStateException(new SQLException("down", "08006"));
        });
        Exchange polled = exchange(values(3, -1));
        camel.stop();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.process(polled))
                .hasMessageContaining("replayed");
        assertThat(committed).isEmpty();
        assertThat(producer.history()).isEmpty();
        assertThat(progress.stalled(Duration.ZERO)).isEmpty();
    }

    @Test
    void aRecordThatOverflowsTheStackIsDeadLetteredNotLetThroughUncommitted() {
        KafkaBatch<String> batch = batch(items -> {
            if (payloads(items).contains(POISON)) {
                throw new StackOverflowError();
            }
            succeeded.add(payloads(items));
        });
        batch.process(exchange(values(8, 3)));
        assertThat(succeeded.stream().flatMap(List::stream)).hasSize(8);
        assertDeadLettered("cannot be processed: StackOverflowError", 4);
        assertThat(committed).hasSize(1);
    }

    @Test
    void aTransientFailureIsRetriedBeyondTheBoundUntilTheDatabaseIsBack() {
        AtomicInteger tries = new AtomicInteger();
        KafkaBatch<String> batch = batch(items -> {
            if (tries.incrementAndGet() <= 7) {
                throw new IllegalStateException("could not store", new SQLException("down", "08006"));
            }
            succeeded.add(payloads(items));
        });
        batch.process(exchange(values(10, -1)));
        assertThat(tries).hasValue(8);
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0)).hasSize(10);
        assertThat(producer.history()).isEmpty();
        assertThat(committed).hasSize(1);
    }

    @Test
    void aRecordThatFailsOnItsOwnTheSameTransientWayIsDeadLetteredAfterTheBoundedTries() {
        KafkaBatch<String> batch = batch(items -> {
            for (BatchItem<String> item : items) {
                if (item.payload().equals(POISON)) {
                    item.fail(new IOException("school endpoint reset"));
                }
            }
            succeeded.add(payloads(items));
        });
        batch.process(exchange(values(5, 2)));
        assertDeadLettered("I/O failure: IOException", 3);
        assertThat(committed).hasSize(1);
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithoutReachingTheStep() {
        KafkaBatch<String> batch = new KafkaBatch<>(
                "test-flow",
                bytes -> {
                    String s = new String(bytes, StandardCharsets.UTF_8);
                    if (s.equals(POISON)) {
                        codec.decodeRecord(bytes);
                    }
                    return s;
                },
                items -> succeeded.add(payloads(items)),
                item -> "hub.dlq.police",
                null,
                FailureClassifier.standard(),
                settings,
                new TopicPublisher(producer),
                progress,
                new SimpleMeterRegistry());
        batch.process(exchange(values(3, 1)));
        assertThat(succeeded).containsExactly(List.of("v0", "v1", "v2"));
        assertThat(header(assertDeadLettered(null, 1), KafkaBatch.REASON_HEADER))
                .startsWith("undecodable");
    }

    @Test
    void offsetsAreCommittedForTheLastRecordOfEachTopicAndPartition() {
        KafkaBatch<String> batch = batch(items -> succeeded.add(payloads(items)));
        List<Exchange> records = List.of(
                record("hub.inbound.health", 0, 5, "a"),
                record("hub.inbound.casesystem", 0, 9, "b"),
                record("hub.inbound.health", 0, 6, "c"),
                record("hub.inbound.health", 1, 2, "d"));
        Exchange polled = new DefaultExchange(camel);
        polled.getMessage().setBody(records);
        batch.process(polled);
        assertThat(committed)
                .containsExactlyInAnyOrder(
                        "hub.inbound.health#0@6", "hub.inbound.casesystem#0@9", "hub.inbound.health#1@2");
        assertThat(progress.stalled(Duration.ZERO)).isEmpty();
    }

    private KafkaBatch<String> batch(KafkaBatch.Step<String> step) {
        return new KafkaBatch<>(
                "test-flow",
                bytes -> new String(bytes, StandardCharsets.UTF_8),
                step,
                item -> "hub.dlq.police",
                null,
                FailureClassifier.standard(),
                settings,
                new TopicPublisher(producer),
                progress,
                new SimpleMeterRegistry());
    }

    private ProducerRecord<String, byte[]> assertDeadLettered(String reason, int attempts) {
        assertThat(producer.history()).hasSize(1);
        ProducerRecord<String, byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo("hub.dlq.police");
        if (reason != null) {
            assertThat(header(dead, KafkaBatch.REASON_HEADER)).isEqualTo(reason);
        }
        assertThat(header(dead, KafkaBatch.ATTEMPTS_HEADER)).isEqualTo(Integer.toString(attempts));
        return dead;
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<String> values(int valid, int poisonAt) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            if (i == poisonAt) {
                values.add(POISON);
            }
            values.add("v" + i);
        }
        return values;
    }

    private Exchange exchange(List<String> values) {
        List<Exchange> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(record("hub.inbound.police", 0, i, values.get(i)));
        }
        Exchange polled = new DefaultExchange(camel);
        polled.getMessage().setBody(records);
        return polled;
    }

    private Exchange record(String topic, int partition, long offset, String value) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader(KafkaConstants.TOPIC, topic);
        e.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        e.getMessage().setHeader(KafkaConstants.KEY, "k" + offset);
        e.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit)
                () -> committed.add(topic + "#" + partition + "@" + offset));
        e.getMessage().setBody(value.getBytes(StandardCharsets.UTF_8));
        return e;
    }

    private static List<String> payloads(List<BatchItem<String>> items) {
        return items.stream().map(BatchItem::payload).toList();
    }
}

package org.earlyhelp.hub.connector.api.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's one way of consuming a Kafka batch (a Camel {@code batching=true} poll). Each record is decoded, then the
 * flow's {@link Step} runs over the batch. When it fails:
 *
 * <ul>
 *   <li>transiently (see {@link FailureClassifier}): the same records are tried again after a bounded exponential
 *       backoff, without end - the infrastructure will come back and nothing may be skipped;
 *   <li>permanently, naming the record ({@link BatchItemFailure}) or with only one record tried: that record is
 *       dead-lettered and the rest go on at once;
 *   <li>permanently, without naming a record: the records are split in halves, each tried on its own, until the
 *       failing one is alone.
 * </ul>
 *
 * A step that handles records one by one marks a record's own failure ({@link BatchItem#fail}); such a record is
 * dead-lettered when the failure is permanent or has happened the same way {@link BatchSettings#maxAttempts()} times.
 * Dead letters carry the original bytes and a reason naming the failure kind only. Offsets are committed per topic and
 * partition once every record is processed or dead-lettered, never before: a crash replays the batch, so every step
 * must be idempotent.
 */
public final class KafkaBatch<T> implements Processor {

    public static final String REASON_HEADER = "hub-dlq-reason";
    public static final String ATTEMPTS_HEADER = "hub-dlq-attempts";
    private static final Logger log = LoggerFactory.getLogger(KafkaBatch.class);

    /** Turns a record's bytes into what the step works on; any exception is a permanent failure of that record. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] value);
    }

    /** The flow's work over some records of a batch; must be idempotent (it is run again on a retry or replay). */
    @FunctionalInterface
    public interface Step<T> {
        void handle(List<BatchItem<T>> items) throws Exception;
    }

    /** Told of records after their dead letters are acknowledged (to record the outcome beside the ledger, say). */
    @FunctionalInterface
    public interface DeadLetterListener<T> {
        void deadLettered(List<BatchItem<T>> items);
    }

    private final String flow;
    private final Decoder<T> decoder;
    private final Step<T> step;
    private final Function<BatchItem<T>, String> deadLetterTopic;
    private final DeadLetterListener<T> listener;
    private final FailureClassifier classifier;
    private final BatchSettings settings;
    private final TopicPublisher publisher;
    private final ConsumerProgress progress;
    private final MeterRegistry meters;

    /**
     * @param flow the name the readiness check reports (the route id)
     * @param deadLetterTopic where a record that cannot be processed goes ({@code hub.dlq.<partner>})
     */
    public KafkaBatch(
            String flow,
            Decoder<T> decoder,
            Step<T> step,
            Function<BatchItem<T>, String> deadLetterTopic,
            DeadLetterListener<T> listener,
            FailureClassifier classifier,
            BatchSettings settings,
            TopicPublisher publisher,
            ConsumerProgress progress,
            MeterRegistry meters) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.step = Objects.requireNonNull(step, "step");
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        this.listener = listener == null ? items -> {} : listener;
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public void process(Exchange batch) {
        @SuppressWarnings("unchecked")
        List<Exchange> exchanges = batch.getMessage().getBody(List.class);
        if (exchanges == null || exchanges.isEmpty()) {
            return;
        }
        String consumer = flow + "@" + Thread.currentThread().getName();
        progress.started(flow, consumer, exchanges.size());
        try {
            processBatch(batch, exchanges, consumer);
        } finally {
            // done, or given up because the hub is stopping (then replayed): either way this consumer holds nothing
            progress.released(consumer);
        }
    }

    private void processBatch(Exchange batch, List<Exchange> exchanges, String consumer) {
        List<BatchItem<T>> items = new ArrayList<>(exchanges.size());
        List<BatchItem<T>> dead = new ArrayList<>();
        List<BatchItem<T>> decoded = new ArrayList<>();
        for (Exchange e : exchanges) {
            BatchItem<T> item = itemOf(e);
            items.add(item);
            try {
                item.payload(decoder.decode(item.value()));
                decoded.add(item);
            } catch (RuntimeException | StackOverflowError ex) {
                item.tried();
                Failure f = classifier.classify(ex);
                item.failed(f.transientFailure() ? Failure.permanent(f.reason()) : f);
                dead.add(item);
            }
        }
        Backoff backoff = new Backoff(settings, batch, flow);
        Deque<List<BatchItem<T>>> segments = new ArrayDeque<>();
        if (!decoded.isEmpty()) {
            segments.add(decoded);
        }
        while (!segments.isEmpty()) {
            List<BatchItem<T>> segment = segments.pollFirst();
            segment.forEach(BatchItem::tried);
            try {
                step.handle(List.copyOf(segment));
            } catch (Exception | StackOverflowError ex) {
                // a record nested deep enough to overflow the stack fails the same way every time: it is the record's
                segment.forEach(BatchItem::takeMarked);
                onFailure(segment, ex, segments, dead, backoff);
                continue;
            }
            List<BatchItem<T>> retry = new ArrayList<>();
            for (BatchItem<T> item : segment) {
                Throwable own = item.takeMarked();
                if (own != null) {
                    Failure f = classifier.classify(own);
                    int sameWay = item.failed(f);
                    if (!f.transientFailure() || sameWay >= settings.maxAttempts()) {
                        dead.add(item);
                    } else {
                        retry.add(item);
                    }
                }
            }
            progress.advanced(consumer, segment.size() - retry.size());
            if (retry.isEmpty()) {
                backoff.reset();
            } else {
                backoff.pause(retry.size() + " records failed on their own; retrying them");
                segments.addLast(retry);
            }
        }
        writeDeadLetters(dead, backoff);
        commit(items);
    }

    private void onFailure(
            List<BatchItem<T>> segment,
            Throwable ex,
            Deque<List<BatchItem<T>>> segments,
            List<BatchItem<T>> dead,
            Backoff backoff) {
        int culprit = ex instanceof BatchItemFailure named && named.index() >= 0 && named.index() < segment.size()
                ? named.index()
                : -1;
        Failure f = classifier.classify(culprit >= 0 ? ex.getCause() : ex);
        if (f.transientFailure()) {
            backoff.pause(segment.size() + " records failed transiently (" + f.reason() + ")");
            segments.addFirst(segment);
        } else if (culprit >= 0 || segment.size() == 1) {
            BatchItem<T> item = segment.get(Math.max(culprit, 0));
            item.failed(f);
            dead.add(item);
            List<BatchItem<T>> rest = new ArrayList<>(segment);
            rest.remove(item);
            if (!rest.isEmpty()) {
                segments.addFirst(rest);
            }
        } else {
            int half = segment.size() / 2;
            log.info(
                    "batch split to isolate a failing record: flow={} records={} reason={}",
                    flow,
                    segment.size(),
                    f.reason());
            segments.addFirst(new ArrayList<>(segment.subList(half, segment.size())));
            segments.addFirst(new ArrayList<>(segment.subList(0, half)));
        }
    }

    /** Dead letters must be acknowledged before the offsets move on, so this waits out any broker outage. */
    private void writeDeadLetters(List<BatchItem<T>> dead, Backoff backoff) {
        if (dead.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(dead.size());
        for (BatchItem<T> item : dead) {
            ProducerRecord<String, byte[]> r =
                    new ProducerRecord<>(deadLetterTopic.apply(item), item.key(), item.value());
            r.headers().add(REASON_HEADER, item.lastFailure().reason().getBytes(StandardCharsets.UTF_8));
            r.headers().add(ATTEMPTS_HEADER, Integer.toString(item.attempts()).getBytes(StandardCharsets.UTF_8));
            records.add(r);
        }
        while (true) {
            try {
                publisher.publishAll(records);
                break;
            } catch (RuntimeException e) {
                backoff.pause("the dead-letter topic did not take " + records.size() + " records ("
                        + classifier.classify(e).reason() + ")");
            }
        }
        for (int i = 0; i < dead.size(); i++) {
            BatchItem<T> item = dead.get(i);
            String topic = records.get(i).topic();
            meters.counter(
                            "hub.records",
                            "partner",
                            topic.substring(topic.lastIndexOf('.') + 1),
                            "outcome",
                            "dead-lettered")
                    .increment();
            log.warn(
                    "record dead-lettered: flow={} key={} attempts={} reason={}",
                    flow,
                    item.key(),
                    item.attempts(),
                    item.lastFailure().reason());
        }
        while (true) {
            try {
                listener.deadLettered(List.copyOf(dead));
                return;
            } catch (RuntimeException e) {
                Failure f = classifier.classify(e);
                if (!f.transientFailure()) {
                    // the dead letters themselves are the durable record of what happened
                    log.warn("recording dead letters failed for good: flow={} reason={}", flow, f.reason());
                    return;
                }
                backoff.pause("recording dead letters failed (" + f.reason() + ")");
            }
        }
    }

    private BatchItem<T> itemOf(Exchange e) {
        Integer partition = e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
        return new BatchItem<>(
                e.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                partition == null ? -1 : partition,
                e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                e.getMessage().getBody(byte[].class),
                e.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
    }

    /** Commits the last record of each topic and partition: every record up to it is done. */
    private static void commit(List<? extends BatchItem<?>> items) {
        Map<String, KafkaManualCommit> last = new LinkedHashMap<>();
        for (BatchItem<?> item : items) {
            if (item.commit() != null) {
                last.put(item.topic() + "#" + item.partition(), item.commit());
            }
        }
        last.values().forEach(KafkaManualCommit::commit);
    }
}

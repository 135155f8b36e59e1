package org.earlyhelp.hub.connector.schools;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one poll's worth of disclosures: all sent concurrently, what is retriable retried with bounded exponential
 * backoff, what is not (or is exhausted) written to {@code hub.dlq.schools} with a reason free of personal data, every
 * outcome recorded beside its ledger entry, and only then the offsets committed. A crash anywhere replays the batch;
 * the idempotency keys make the replay harmless to schools.
 *
 * <p>This is the error policy a per-record dead-letter channel would give, applied per item inside a batch: Camel's
 * channel would treat the whole batch as one message, and per-record consumption is far slower.
 */
class SchoolsBatchDelivery implements Processor {

    static final String PARTNER = "schools";
    static final String REASON_HEADER = "hub-dlq-reason";
    private static final Logger log = LoggerFactory.getLogger(SchoolsBatchDelivery.class);

    private final SchoolsConnectorProperties props;
    private final RecordCodec codec;
    private final SchoolDirectory directory;
    private final SchoolsNotificationClient client;
    private final DisclosureLedger ledger;
    private final ProducerTemplate producer;
    private final MeterRegistry meters;
    private final Semaphore inFlight;

    SchoolsBatchDelivery(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolDirectory directory,
            SchoolsNotificationClient client,
            DisclosureLedger ledger,
            ProducerTemplate producer,
            MeterRegistry meters) {
        this.props = props;
        this.codec = codec;
        this.directory = directory;
        this.client = client;
        this.ledger = ledger;
        this.producer = producer;
        this.meters = meters;
        this.inFlight = new Semaphore(props.maxInFlight());
    }

    @Override
    public void process(Exchange batch) throws InterruptedException {
        @SuppressWarnings("unchecked")
        List<Exchange> exchanges = batch.getMessage().getBody(List.class);
        if (exchanges == null || exchanges.isEmpty()) {
            return;
        }
        List<Item> pending = new ArrayList<>();
        List<Item> done = new ArrayList<>();
        for (Exchange e : exchanges) {
            Item item = new Item(
                    e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                    e.getMessage().getBody(byte[].class));
            try {
                item.disclosure = codec.decodeDisclosure(item.value);
                pending.add(item);
            } catch (RecordCodec.UndecodableRecordException ex) {
                item.fail("undecodable disclosure", false, null);
                done.add(item);
            }
        }
        long backoff = props.initialBackoff().toMillis();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            sendAll(pending, attempt);
            List<Item> retry = new ArrayList<>();
            for (Item item : pending) {
                if (item.retriable && attempt <= props.maxRedeliveries()) {
                    retry.add(item);
                } else {
                    done.add(item);
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                if (batch.getContext().isStopping() || batch.getContext().isStopped()) {
                    throw new IllegalStateException("stopping with deliveries to retry; the batch will be replayed");
                }
                log.warn("{} deliveries to retry in {} ms (attempt {})", pending.size(), backoff, attempt);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, props.maxBackoff().toMillis());
            }
        }
        finishRetrying(batch, done);
        commit(exchanges);
    }

    /**
     * The dead letters and delivery records must be written before the offsets move on, or a later batch's commit
     * would cover items whose dead letter was never written: so a failure here is retried until it succeeds, or until
     * the hub stops (the batch is then replayed at start).
     */
    private void finishRetrying(Exchange batch, List<Item> done) throws InterruptedException {
        long backoff = props.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                finish(done);
                return;
            } catch (RuntimeException e) {
                if (batch.getContext().isStopping() || batch.getContext().isStopped()) {
                    throw new IllegalStateException(
                            "stopping before outcomes were recorded; the batch will be" + " replayed", e);
                }
                log.warn(
                        "recording delivery outcomes failed (attempt {}), retrying in {} ms: {}",
                        attempt,
                        backoff,
                        e.getClass().getSimpleName());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, props.maxBackoff().toMillis());
            }
        }
    }

    private void sendAll(List<Item> items, int attempt) throws InterruptedException {
        Map<String, Optional<URI>> endpoints = new LinkedHashMap<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>(items.size());
        for (Item item : items) {
            item.attempts = attempt;
            String urn = urnOf(item.disclosure);
            Optional<URI> endpoint = endpoints.computeIfAbsent(urn, directory::endpointFor);
            if (endpoint.isEmpty()) {
                item.fail("school URN not in the directory", false, null);
                continue;
            }
            inFlight.acquire();
            sends.add(client.deliver(endpoint.get(), item.disclosure).handle((status, failure) -> {
                inFlight.release();
                if (failure == null) {
                    item.succeed(status);
                } else {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    item.fail(
                            SchoolsErrorClassifier.reason(cause),
                            SchoolsErrorClassifier.isRetriable(cause),
                            cause instanceof SchoolDeliveryException e ? e.httpStatus() : null);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    /** Dead letters first (acknowledged by the broker), then every outcome beside its ledger entry. */
    private void finish(List<Item> done) {
        List<DisclosureLedger.DeliveryRecord> records = new ArrayList<>(done.size());
        int delivered = 0;
        int deadLettered = 0;
        for (Item item : done) {
            if (item.delivered) {
                delivered++;
            } else {
                Exchange sent = producer.send("kafka:" + props.deadLetterTopic(), e -> {
                    e.getMessage().setHeader(KafkaConstants.KEY, item.key);
                    e.getMessage().setHeader(REASON_HEADER, item.reason.getBytes(StandardCharsets.UTF_8));
                    e.getMessage().setBody(item.value);
                });
                if (sent.getException() != null) {
                    throw new IllegalStateException("the dead-letter topic did not take a record", sent.getException());
                }
                deadLettered++;
                log.warn(
                        "notification dead-lettered: deliveryId={} attempts={} reason={}",
                        item.key,
                        item.attempts,
                        item.reason);
            }
            if (item.disclosure != null) {
                records.add(new DisclosureLedger.DeliveryRecord(
                        item.disclosure.getDeliveryId(),
                        item.disclosure.getRecipient(),
                        item.delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.DEAD_LETTERED,
                        item.attempts,
                        item.httpStatus));
            }
        }
        ledger.recordDeliveries(records);
        meters.counter("hub.records", "partner", PARTNER, "outcome", "delivered")
                .increment(delivered);
        meters.counter("hub.records", "partner", PARTNER, "outcome", "dead-lettered")
                .increment(deadLettered);
    }

    private static void commit(List<Exchange> exchanges) {
        Map<Integer, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange e : exchanges) {
            KafkaManualCommit commit = e.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                lastPerPartition.put(e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class), commit);
            }
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }

    static String urnOf(Disclosure d) {
        return d.getRecipient().substring(d.getRecipient().indexOf(':') + 1);
    }

    /** One disclosure's progress through the batch. */
    private static final class Item {
        final String key;
        final byte[] value;
        Disclosure disclosure;
        int attempts;
        volatile boolean delivered;
        volatile boolean retriable;
        volatile String reason;
        volatile Integer httpStatus;

        Item(String key, byte[] value) {
            this.key = key;
            this.value = value;
        }

        void succeed(int status) {
            delivered = true;
            retriable = false;
            httpStatus = status;
        }

        void fail(String why, boolean canRetry, Integer status) {
            delivered = false;
            retriable = canRetry;
            reason = why;
            httpStatus = status;
        }
    }
}

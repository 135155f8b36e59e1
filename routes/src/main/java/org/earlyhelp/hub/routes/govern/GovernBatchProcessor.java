package org.earlyhelp.hub.routes.govern;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.governance.flow.DisclosurePlan;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governs one poll's worth of inbound records: resolve each record's people against the person index, plan each, write every decision to the ledger in one transaction, then
 * publish the permitted disclosures and wait for the broker, and only then commit the input offsets. A crash at any
 * point replays the batch; the ledger and the delivery ids are idempotent, so a replay sends nothing new. A record
 * that cannot be read or planned goes to the partner's dead-letter topic with a reason free of personal data.
 * Failures of the ledger or the broker are retried until they recover: nothing is skipped.
 */
public class GovernBatchProcessor implements Processor {

    public static final String DLQ_REASON_HEADER = "hub-dlq-reason";
    private static final Logger log = LoggerFactory.getLogger(GovernBatchProcessor.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RecordResolver resolver;
    private final GovernanceService governance;
    private final DisclosureLedger ledger;
    private final TopicPublisher publisher;
    private final RecordCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String outboundTopicPrefix;
    private final String dlqTopicPrefix;
    private final Duration maxBackoff;

    public GovernBatchProcessor(
            RecordResolver resolver,
            GovernanceService governance,
            DisclosureLedger ledger,
            TopicPublisher publisher,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters,
            String outboundTopicPrefix,
            String dlqTopicPrefix,
            Duration maxBackoff) {
        this.resolver = resolver;
        this.governance = governance;
        this.ledger = ledger;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
        this.outboundTopicPrefix = outboundTopicPrefix;
        this.dlqTopicPrefix = dlqTopicPrefix;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void process(Exchange batch) {
        @SuppressWarnings("unchecked")
        List<Exchange> exchanges = batch.getMessage().getBody(List.class);
        if (exchanges == null || exchanges.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<DisclosurePlan> plans = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        List<HubRecord> records = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (Exchange e : exchanges) {
            byte[] value = e.getMessage().getBody(byte[].class);
            String key = e.getMessage().getHeader(KafkaConstants.KEY, String.class);
            String topic = e.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
            try {
                HubRecord record = codec.decodeRecord(value);
                plans.add(governance.plan(record, today));
                records.add(record);
                encoded.add(value);
            } catch (RuntimeException ex) {
                out.add(deadLetter(topic, key, value, reasonFor(ex)));
            }
        }
        // Resolve first: every record is kept and its people are in the index before anything leaves.
        retrying(batch, "resolve", () -> {
            resolver.resolveAll(records, encoded);
            return null;
        });
        List<LedgerDraft> drafts =
                plans.stream().flatMap(p -> p.drafts().stream()).toList();
        List<LedgerEntry> entries = retrying(batch, "ledger append", () -> ledger.append(drafts));
        Map<String, LedgerEntry> byKey = new LinkedHashMap<>();
        entries.forEach(en -> byKey.put(en.decisionKey(), en));
        for (DisclosurePlan plan : plans) {
            for (DisclosurePlan.Release r : plan.releases()) {
                out.add(disclosure(r, byKey.get(r.draft().decisionKey())));
            }
        }
        retrying(batch, "publish", () -> {
            publisher.publishAll(out);
            return null;
        });
        count(drafts);
        commit(exchanges);
    }

    private ProducerRecord<String, byte[]> disclosure(DisclosurePlan.Release r, LedgerEntry entry) {
        LedgerDraft d = r.draft();
        Disclosure disclosure = Disclosure.newBuilder()
                .setDeliveryId(d.decisionKey())
                .setRecordId(d.recordId())
                .setLedgerSeq(entry.seq())
                .setAgreementId(d.agreementId())
                .setAgreementVersion(r.agreementVersion())
                .setPurpose(r.purpose())
                .setRecipient(d.recipient())
                .setDeadline(r.deadline())
                .setFields(r.fields())
                .build();
        String partner = d.recipient().contains(":")
                ? d.recipient().substring(0, d.recipient().indexOf(':'))
                : d.recipient();
        return new ProducerRecord<>(outboundTopicPrefix + partner, d.decisionKey(), codec.encode(disclosure));
    }

    private ProducerRecord<String, byte[]> deadLetter(String topic, String key, byte[] value, String reason) {
        String partner = topic == null ? "unknown" : topic.substring(topic.lastIndexOf('.') + 1);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(dlqTopicPrefix + partner, key, value);
        r.headers().add(DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        meters.counter("hub.records", "partner", partner, "outcome", "dead-lettered")
                .increment();
        log.warn("record dead-lettered: recordKey={} reason={}", key, reason);
        return r;
    }

    /** Names the kind of failure only: exception messages may quote the record. */
    static String reasonFor(RuntimeException ex) {
        if (ex instanceof RecordCodec.UndecodableRecordException) {
            return "undecodable: not a registered version of the canonical record";
        }
        return "cannot be governed: " + ex.getClass().getSimpleName();
    }

    private void count(List<LedgerDraft> drafts) {
        for (LedgerDraft d : drafts) {
            String outcome =
                    switch (d.decision()) {
                        case PERMIT -> "permitted";
                        case DENY -> "denied";
                        case REVIEW -> "review";
                    };
            // the partner kind, not the organisation (kind:id): one label value per kind, as the console counts
            String partner = d.provider().contains(":")
                    ? d.provider().substring(0, d.provider().indexOf(':'))
                    : d.provider();
            meters.counter("hub.records", "partner", partner, "outcome", outcome)
                    .increment();
        }
    }

    private static void commit(List<Exchange> exchanges) {
        Map<Integer, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange e : exchanges) {
            Integer partition = e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
            KafkaManualCommit commit = e.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                lastPerPartition.put(partition, commit);
            }
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }

    /**
     * Retries until the ledger or broker recovers, but gives up when the hub is stopping: the batch is then not
     * committed and is governed again, idempotently, when the hub starts.
     */
    private <T> T retrying(Exchange batch, String what, java.util.function.Supplier<T> action) {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (batch.getContext().isStopping() || batch.getContext().isStopped()) {
                    throw new IllegalStateException(
                            what + " failed while the hub is stopping; the batch will be" + " governed again at start",
                            e);
                }
                log.warn(
                        "{} failed (attempt {}), retrying in {} ms: {}",
                        what,
                        attempt,
                        backoff,
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + what, ie);
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }
}

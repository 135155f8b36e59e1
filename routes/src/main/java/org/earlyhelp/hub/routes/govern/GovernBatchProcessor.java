package org.earlyhelp.hub.routes.govern;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.BatchItem;
import org.earlyhelp.hub.connector.api.batch.BatchItemFailure;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Recipient;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Governs inbound records, as the step of the hub's {@link KafkaBatch}: prepare each record's decisions, resolve its
 * people against the person index, then {@link Governance#notify} (every decision in the ledger, one transaction) and
 * publish what it releases to each recipient partner's outbound topic, waiting for the broker. The batch support
 * commits the offsets only after that, and decides what a failure means: a record that cannot be prepared or resolved
 * is set aside and dead-lettered, the rest go on; failures of the ledger or the broker are retried until they
 * recover. Every step is idempotent (records stored once, ledger entries and delivery ids keyed by decision), so a
 * retry or replay sends nothing new.
 */
public class GovernBatchProcessor implements KafkaBatch.Step<HubRecord> {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RecordResolver resolver;
    private final Governance governance;
    private final TopicPublisher publisher;
    private final RecordCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Topics topics;

    public GovernBatchProcessor(
            RecordResolver resolver,
            Governance governance,
            TopicPublisher publisher,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters,
            Topics topics) {
        this.resolver = resolver;
        this.governance = governance;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
        this.topics = topics;
    }

    @Override
    public void handle(List<BatchItem<HubRecord>> items) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<BatchItem<HubRecord>> planned = new ArrayList<>();
        List<Governance.Prepared> prepared = new ArrayList<>();
        for (BatchItem<HubRecord> item : items) {
            try {
                prepared.add(governance.prepare(item.payload(), today));
                planned.add(item);
            } catch (RuntimeException ex) {
                item.fail(ex);
            }
        }
        List<HubRecord> records = planned.stream().map(BatchItem::payload).toList();
        List<byte[]> encoded = planned.stream().map(BatchItem::value).toList();
        // Resolve first: every record is kept and its people are in the index before anything leaves.
        try {
            resolver.resolveAll(records, encoded);
        } catch (BatchItemFailure f) {
            throw new BatchItemFailure(items.indexOf(planned.get(f.index())), f.getCause());
        }
        Governance.Notified notified = governance.notify(prepared);
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (Governance.Release r : notified.releases()) {
            out.add(outbound(r, topics, codec));
        }
        publisher.publishAll(out);
        count(records, notified.decisions());
    }

    /** A release as the {@code Disclosure} on its recipient partner's outbound topic, keyed by its delivery id. */
    public static ProducerRecord<String, byte[]> outbound(Governance.Release r, Topics topics, RecordCodec codec) {
        Disclosure disclosure = Disclosure.newBuilder()
                .setDeliveryId(r.deliveryId())
                .setRecordId(r.recordId())
                .setLedgerSeq(r.ledgerSeq())
                .setAgreementId(r.agreementId())
                .setAgreementVersion(r.agreementVersion())
                .setPurpose(r.purpose())
                .setRecipient(Recipient.newBuilder()
                        .setPartner(r.recipient().partner())
                        .setAddress(r.recipient().address())
                        .build())
                .setDeadline(r.deadline())
                .setFields(r.fields())
                .setRecall(
                        r.recall() == null
                                ? null
                                : new org.earlyhelp.hub.schema.Recall(
                                        r.recall().recalls(), r.recall().reason()))
                .build();
        return new ProducerRecord<>(topics.outbound(r.recipient().partner()), r.deliveryId(), codec.encode(disclosure));
    }

    /** Counts each decision under its record's partner kind (one label value per kind, as the console counts). */
    private void count(List<HubRecord> records, List<LedgerDraft> drafts) {
        java.util.Map<String, String> kindOf = new java.util.HashMap<>();
        records.forEach(r -> kindOf.put(r.getRecordId(), r.getProvider()));
        for (LedgerDraft d : drafts) {
            String outcome =
                    switch (d.decision()) {
                        case PERMIT -> "permitted";
                        case DENY -> "denied";
                        case REVIEW -> "review";
                    };
            meters.counter("hub.records", "partner", kindOf.getOrDefault(d.recordId(), "unknown"), "outcome", outcome)
                    .increment();
        }
    }
}

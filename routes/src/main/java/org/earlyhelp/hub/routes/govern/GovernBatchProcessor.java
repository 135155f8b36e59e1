package org.earlyhelp.hub.routes.govern;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.governance.flow.DisclosurePlan;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.connector.api.batch.BatchItem;
import org.earlyhelp.hub.connector.api.batch.BatchItemFailure;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Governs inbound records, as the step of the hub's {@link KafkaBatch}: resolve each record's people against the
 * person index, plan each, write every decision to the ledger in one transaction, then publish the permitted
 * disclosures and wait for the broker. The batch support commits the offsets only after that, and decides what a
 * failure means: a record that cannot be planned or resolved is set aside and dead-lettered, the rest go on; failures
 * of the ledger or the broker are retried until they recover. Every step is idempotent (records stored once, ledger
 * entries and delivery ids keyed by decision), so a retry or replay sends nothing new.
 */
public class GovernBatchProcessor implements KafkaBatch.Step<HubRecord> {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RecordResolver resolver;
    private final GovernanceService governance;
    private final DisclosureLedger ledger;
    private final TopicPublisher publisher;
    private final RecordCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String outboundTopicPrefix;

    public GovernBatchProcessor(
            RecordResolver resolver,
            GovernanceService governance,
            DisclosureLedger ledger,
            TopicPublisher publisher,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters,
            String outboundTopicPrefix) {
        this.resolver = resolver;
        this.governance = governance;
        this.ledger = ledger;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
        this.outboundTopicPrefix = outboundTopicPrefix;
    }

    @Override
    public void handle(List<BatchItem<HubRecord>> items) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<BatchItem<HubRecord>> planned = new ArrayList<>();
        List<DisclosurePlan> plans = new ArrayList<>();
        for (BatchItem<HubRecord> item : items) {
            try {
                plans.add(governance.plan(item.payload(), today));
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
        List<LedgerDraft> drafts =
                plans.stream().flatMap(p -> p.drafts().stream()).toList();
        List<LedgerEntry> entries = ledger.append(drafts);
        Map<String, LedgerEntry> byKey = new LinkedHashMap<>();
        entries.forEach(en -> byKey.put(en.decisionKey(), en));
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (DisclosurePlan plan : plans) {
            for (DisclosurePlan.Release r : plan.releases()) {
                out.add(disclosure(r, byKey.get(r.draft().decisionKey())));
            }
        }
        publisher.publishAll(out);
        count(drafts);
    }

    /** The dead-letter topic of the partner whose inbound topic a record came from. */
    public static String deadLetterTopic(String dlqTopicPrefix, String inboundTopic) {
        String partner = inboundTopic == null ? "unknown" : inboundTopic.substring(inboundTopic.lastIndexOf('.') + 1);
        return dlqTopicPrefix + partner;
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
}

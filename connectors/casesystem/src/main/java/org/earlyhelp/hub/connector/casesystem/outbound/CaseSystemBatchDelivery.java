package org.earlyhelp.hub.connector.casesystem.outbound;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.batch.BatchItem;
import org.earlyhelp.hub.connector.api.batch.DeliveryFailure;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Delivers disclosures to the case system's webhooks as the step of the hub's {@link KafkaBatch}: sent concurrently
 * (at most {@code maxInFlight} at once), each outcome marked on its own record, the delivered ones recorded beside
 * their ledger entries. The batch support retries what {@link CaseSystemErrorClassifier} calls retriable and
 * dead-letters the rest to {@code hub.dlq.casesystem} ({@link #deadLettered} records that outcome too). A replay
 * sends again with the same idempotency key.
 */
final class CaseSystemBatchDelivery implements KafkaBatch.Step<CaseSystemBatchDelivery.Delivery> {

    static final String PARTNER = "casesystem";

    private final CaseSystemConnectorProperties props;
    private final CaseSystemWebhookClient client;
    private final DisclosureLedger ledger;
    private final PartnerMetrics metrics;
    private final Semaphore inFlight;

    CaseSystemBatchDelivery(
            CaseSystemConnectorProperties props,
            CaseSystemWebhookClient client,
            DisclosureLedger ledger,
            PartnerMetrics metrics) {
        this.props = props;
        this.client = client;
        this.ledger = ledger;
        this.metrics = metrics;
        this.inFlight = new Semaphore(props.maxInFlight());
    }

    /** One disclosure on its way, with the HTTP status of its last try. */
    static final class Delivery {
        final Disclosure disclosure;
        volatile Integer httpStatus;

        Delivery(Disclosure disclosure) {
            this.disclosure = disclosure;
        }
    }

    static KafkaBatch.Decoder<Delivery> decoder(RecordCodec codec) {
        return bytes -> new Delivery(codec.decodeDisclosure(bytes));
    }

    @Override
    public void handle(List<BatchItem<Delivery>> items) throws InterruptedException {
        List<CompletableFuture<Void>> sends = new ArrayList<>(items.size());
        List<BatchItem<Delivery>> delivered = Collections.synchronizedList(new ArrayList<>());
        for (BatchItem<Delivery> item : items) {
            Disclosure d = item.payload().disclosure;
            item.payload().httpStatus = null;
            if (!PARTNER.equals(d.getRecipient().getPartner())) {
                item.fail(DeliveryFailure.permanent("not addressed to the case system"));
                continue;
            }
            URI webhook = props.webhookFor(d.getRecipient().getAddress());
            if (webhook == null) {
                item.fail(DeliveryFailure.permanent("no webhook configured for the team"));
                continue;
            }
            sends.add(send(item, webhook, delivered));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        List<DisclosureLedger.DeliveryRecord> records = new ArrayList<>(delivered.size());
        for (BatchItem<Delivery> item : delivered) {
            records.add(record(item, DeliveryStatus.DELIVERED));
        }
        ledger.recordDeliveries(records);
        if (!delivered.isEmpty()) {
            metrics.contact();
        }
    }

    /** Acquires a permit for one send; every path out of here gives it back. */
    private CompletableFuture<Void> send(BatchItem<Delivery> item, URI webhook, List<BatchItem<Delivery>> delivered)
            throws InterruptedException {
        inFlight.acquire();
        CompletableFuture<Integer> sent;
        try {
            sent = client.deliver(webhook, item.payload().disclosure);
        } catch (RuntimeException e) {
            inFlight.release();
            item.fail(DeliveryFailure.permanent("webhook unusable"));
            return CompletableFuture.completedFuture(null);
        }
        return sent.handle((status, failure) -> {
            inFlight.release();
            if (failure == null) {
                item.payload().httpStatus = status;
                delivered.add(item);
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                item.payload().httpStatus = cause instanceof DeliveryFailure e ? e.httpStatus() : null;
                item.fail(cause);
            }
            return null;
        });
    }

    /** Records the dead letters beside their ledger entries (an undecodable one has no entry to stand beside). */
    void deadLettered(List<BatchItem<Delivery>> items) {
        List<DisclosureLedger.DeliveryRecord> records = new ArrayList<>();
        for (BatchItem<Delivery> item : items) {
            if (item.payload() != null) {
                records.add(record(item, DeliveryStatus.DEAD_LETTERED));
            }
        }
        ledger.recordDeliveries(records);
    }

    int availablePermits() {
        return inFlight.availablePermits();
    }

    private static DisclosureLedger.DeliveryRecord record(BatchItem<Delivery> item, DeliveryStatus status) {
        Disclosure d = item.payload().disclosure;
        String recipient =
                new Recipient(d.getRecipient().getPartner(), d.getRecipient().getAddress()).toString();
        return new DisclosureLedger.DeliveryRecord(
                d.getDeliveryId(), recipient, status, item.attempts(), item.payload().httpStatus);
    }
}

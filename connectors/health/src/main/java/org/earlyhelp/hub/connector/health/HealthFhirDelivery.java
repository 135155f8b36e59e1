package org.earlyhelp.hub.connector.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earlyhelp.hub.connector.api.batch.BatchItem;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Delivers a batch of disclosures to the health system's FHIR server (as a Communication), as the step of the hub's {@link KafkaBatch}: all sent at once,
 * each outcome marked on its own record, the delivered ones recorded beside their ledger entries. The batch support
 * retries what {@link HealthErrorClassifier} calls transient and dead-letters to {@code hub.dlq.health} what is not
 * or is exhausted ({@link #deadLettered} records that outcome too). A replay after a crash is harmless to a server that honours If-None-Exist:
 * the Idempotency-Key is the same.
 */
final class HealthFhirDelivery implements KafkaBatch.Step<HealthFhirDelivery.Delivery> {

    private final HealthFhirClient client;
    private final DisclosureLedger ledger;

    HealthFhirDelivery(HealthFhirClient client, DisclosureLedger ledger) {
        this.client = client;
        this.ledger = ledger;
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
    public void handle(List<BatchItem<Delivery>> items) {
        List<BatchItem<Delivery>> delivered = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> sends = new ArrayList<>(items.size());
        for (BatchItem<Delivery> item : items) {
            item.payload().httpStatus = null;
            if (!HealthConnector.PARTNER.equals(
                    item.payload().disclosure.getRecipient().getPartner())) {
                item.fail(new HealthDeliveryException("not addressed to health", false, null, null));
                continue;
            }
            sends.add(client.deliver(item.payload().disclosure).handle((status, failure) -> {
                if (failure == null) {
                    item.payload().httpStatus = status;
                    delivered.add(item);
                } else {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    item.payload().httpStatus = cause instanceof HealthDeliveryException e ? e.httpStatus() : null;
                    item.fail(cause);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        List<DisclosureLedger.DeliveryRecord> records = new ArrayList<>();
        for (BatchItem<Delivery> item : delivered) {
            records.add(record(item, DeliveryStatus.DELIVERED));
        }
        ledger.recordDeliveries(records);
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

    private static DisclosureLedger.DeliveryRecord record(BatchItem<Delivery> item, DeliveryStatus status) {
        Disclosure d = item.payload().disclosure;
        String recipient =
                new Recipient(d.getRecipient().getPartner(), d.getRecipient().getAddress()).toString();
        return new DisclosureLedger.DeliveryRecord(
                d.getDeliveryId(), recipient, status, item.attempts(), item.payload().httpStatus);
    }
}

package org.earlyhelp.hub.connector.api.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Delivers a batch of disclosures to a partner addressed as a whole, as the step of the hub's {@link KafkaBatch}:
 * all sent at once through the connector's {@link Sender}, each outcome marked on its own record, the delivered ones
 * recorded beside their ledger entries. The batch support retries what the connector's classifier calls transient and
 * dead-letters the rest ({@link #deadLettered} records that outcome too). A replay after a crash carries the same
 * delivery id, so a partner that honours it files it once.
 */
public final class DisclosureDelivery implements KafkaBatch.Step<DisclosureDelivery.Delivery> {

    /** Sends one disclosure; completes with the 2xx status, or exceptionally (a {@link DeliveryFailure}). */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<Integer> deliver(Disclosure disclosure);
    }

    private final String partner;
    private final Sender sender;
    private final DisclosureLedger ledger;

    public DisclosureDelivery(String partner, Sender sender, DisclosureLedger ledger) {
        this.partner = partner;
        this.sender = sender;
        this.ledger = ledger;
    }

    /** One disclosure on its way, with the HTTP status of its last try. */
    public static final class Delivery {
        final Disclosure disclosure;
        volatile Integer httpStatus;

        Delivery(Disclosure disclosure) {
            this.disclosure = disclosure;
        }

        public Disclosure disclosure() {
            return disclosure;
        }
    }

    public static KafkaBatch.Decoder<Delivery> decoder(RecordCodec codec) {
        return bytes -> new Delivery(codec.decodeDisclosure(bytes));
    }

    @Override
    public void handle(List<BatchItem<Delivery>> items) {
        List<BatchItem<Delivery>> delivered = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> sends = new ArrayList<>(items.size());
        for (BatchItem<Delivery> item : items) {
            item.payload().httpStatus = null;
            if (!partner.equals(item.payload().disclosure.getRecipient().getPartner())) {
                item.fail(DeliveryFailure.permanent("not addressed to " + partner));
                continue;
            }
            sends.add(sender.deliver(item.payload().disclosure).handle((status, failure) -> {
                if (failure == null) {
                    item.payload().httpStatus = status;
                    delivered.add(item);
                } else {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    item.payload().httpStatus = cause instanceof DeliveryFailure d ? d.httpStatus() : null;
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
    public void deadLettered(List<BatchItem<Delivery>> items) {
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

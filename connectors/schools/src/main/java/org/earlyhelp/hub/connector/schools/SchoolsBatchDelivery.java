package org.earlyhelp.hub.connector.schools;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.earlyhelp.hub.connector.api.batch.BatchItem;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.schools.encompass.NotificationLog;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Delivers disclosures to schools, as the step of the hub's {@link KafkaBatch}: all sent concurrently (at most {@code
 * maxInFlight} at once), each outcome marked on its own record, the successful ones recorded beside their ledger
 * entries. The batch support retries what {@link SchoolsErrorClassifier} calls retriable, dead-letters to {@code
 * hub.dlq.schools} what is not or is exhausted (and {@link #deadLettered} records that outcome), and commits only
 * after every record is done. A crash anywhere replays the batch; the idempotency keys make the replay harmless to
 * schools. One school's bad endpoint fails that school's records only: never the batch, never a permit.
 */
final class SchoolsBatchDelivery implements KafkaBatch.Step<SchoolsBatchDelivery.Delivery> {

    static final String PARTNER = "schools";

    private final SchoolDirectory directory;
    private final SchoolsNotificationClient client;
    private final DisclosureLedger ledger;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final NotificationLog notifications;
    private final Clock clock;

    SchoolsBatchDelivery(
            SchoolDirectory directory, SchoolsNotificationClient client, DisclosureLedger ledger, int maxInFlight) {
        this(directory, client, ledger, maxInFlight, null, Clock.systemUTC());
    }

    /** @param notifications where notifications to be acknowledged are noted (null: none are) */
    SchoolsBatchDelivery(
            SchoolDirectory directory,
            SchoolsNotificationClient client,
            DisclosureLedger ledger,
            int maxInFlight,
            NotificationLog notifications,
            Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
        this.directory = directory;
        this.client = client;
        this.ledger = ledger;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
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
        Map<String, SchoolDirectory.Lookup> endpoints = new LinkedHashMap<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>(items.size());
        List<BatchItem<Delivery>> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        for (BatchItem<Delivery> item : items) {
            Delivery d = item.payload();
            d.httpStatus = null;
            SchoolDirectory.Lookup endpoint = endpoints.computeIfAbsent(urnOf(d.disclosure), directory::lookupAddress);
            if (endpoint.endpoint().isEmpty()) {
                item.fail(new SchoolDeliveryException(endpoint.problem(), false, null, null));
                continue;
            }
            sends.add(send(item, endpoint.endpoint().get(), delivered));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        List<DisclosureLedger.DeliveryRecord> records = new ArrayList<>(delivered.size());
        for (BatchItem<Delivery> item : delivered) {
            records.add(record(item, DeliveryStatus.DELIVERED));
        }
        ledger.recordDeliveries(records);
        for (BatchItem<Delivery> item : delivered) {
            awaitingAcknowledgement(item.payload().disclosure);
        }
    }

    /**
     * A notification whose agreement sets a delivery deadline is one the recipient's designated safeguarding lead must
     * acknowledge; it is noted for the escalation check (a replay keeps the first note).
     */
    private void awaitingAcknowledgement(Disclosure d) {
        if (notifications != null && d.getDeadline() != null) {
            notifications.delivered(
                    d.getDeliveryId(),
                    recipientText(d),
                    d.getRecipient().getAddress(),
                    d.getRecordId(),
                    d.getLedgerSeq(),
                    d.getAgreementId(),
                    d.getPurpose(),
                    clock.instant());
        }
    }

    /** Acquires a permit for one send; every path out of here, a synchronous throw included, gives it back. */
    private CompletableFuture<Void> send(BatchItem<Delivery> item, URI endpoint, List<BatchItem<Delivery>> delivered)
            throws InterruptedException {
        inFlight.acquire();
        CompletableFuture<Integer> sent;
        try {
            sent = client.deliver(endpoint, item.payload().disclosure);
        } catch (RuntimeException e) {
            inFlight.release();
            item.fail(new SchoolDeliveryException("school endpoint unusable", false, null, null));
            return CompletableFuture.completedFuture(null);
        }
        return sent.handle((status, failure) -> {
            inFlight.release();
            if (failure == null) {
                item.payload().httpStatus = status;
                delivered.add(item);
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                item.payload().httpStatus = cause instanceof SchoolDeliveryException e ? e.httpStatus() : null;
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

    /** Permits not in use; equal to the configured maximum whenever no batch is being delivered. */
    int availablePermits() {
        return inFlight.availablePermits();
    }

    int maxInFlight() {
        return maxInFlight;
    }

    private static DisclosureLedger.DeliveryRecord record(BatchItem<Delivery> item, DeliveryStatus status) {
        Disclosure d = item.payload().disclosure;
        return new DisclosureLedger.DeliveryRecord(
                d.getDeliveryId(), recipientText(d), status, item.attempts(), item.payload().httpStatus);
    }

    static String urnOf(Disclosure d) {
        return d.getRecipient().getAddress();
    }

    /** The recipient as the ledger shows it ({@code schools:100001}), from the typed recipient. */
    static String recipientText(Disclosure d) {
        return new org.earlyhelp.hub.governance.flow.Recipient(
                        d.getRecipient().getPartner(), d.getRecipient().getAddress())
                .toString();
    }
}

package org.earlyhelp.hub.connector.api.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a connector hands the hub a record it has read and mapped: claims the idempotency keys (so a retried
 * post or a re-read file row is the same record, on any instance), gives the record the hub's id, strips at rest
 * what no agreement could release, and answers only once Kafka holds it on the provider's inbound topic. The provider
 * organisation is always the authenticated one, never a body's. Refusals are {@link RequestRejected} with the status
 * saying the kind (409 a key reused for a different record or still being stored, 503 not stored), in the hub's one
 * error shape.
 */
public final class RecordIntake {

    private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);

    private final IdempotentIntake intake;
    private final AtRestMinimiser atRest;
    private final Producer<String, byte[]> producer;
    private final RecordCodec codec;
    private final Topics topics;
    private final Clock clock;

    public RecordIntake(
            IdempotentIntake intake,
            AtRestMinimiser atRest,
            Producer<String, byte[]> producer,
            RecordCodec codec,
            Topics topics,
            Clock clock) {
        this.intake = intake;
        this.atRest = atRest;
        this.producer = producer;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock;
    }

    /** What was accepted: the hub's id for the record, and whether it was a replay of one accepted before. */
    public record Accepted(String recordId, boolean replay) {}

    /**
     * Stores one record.
     *
     * @param provider the authenticated organisation sending it
     * @param keys the partner's own keys for the record (its reference, the Idempotency-Key header, a file row)
     * @param build makes the record from the hub's id and the time received; called with a placeholder id first to
     *     fingerprint the content, so it must depend on nothing else
     * @throws RequestRejected 409 or 503, in the hub's error shape
     */
    public Accepted accept(
            Organisation provider, List<IdempotentIntake.Key> keys, BiFunction<String, Instant, HubRecord> build) {
        byte[] fingerprint =
                IdempotentIntake.fingerprint(codec.encode(stamped(build.apply("-", Instant.EPOCH), provider)));
        IdempotentIntake.Outcome outcome;
        try {
            outcome = intake.accept(provider.toString(), keys, fingerprint, recordId -> {
                HubRecord record = atRest.minimise(stamped(build.apply(recordId, clock.instant()), provider));
                producer.send(new ProducerRecord<>(topics.inbound(provider.kind()), recordId, codec.encode(record)))
                        .get(30, TimeUnit.SECONDS);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (Exception e) {
            log.warn(
                    "record not stored: partner={} cause={}",
                    provider.kind(),
                    e.getClass().getSimpleName());
            throw unavailable();
        }
        if (outcome instanceof IdempotentIntake.Outcome.Accepted a) {
            return new Accepted(a.recordId(), a.replay());
        }
        if (outcome instanceof IdempotentIntake.Outcome.Conflict c) {
            throw new RequestRejected(
                    409,
                    List.of(new FieldError(
                            c.field(),
                            c.field() == null
                                    ? "this Idempotency-Key was already used for a different record"
                                    : "this reference was already used for a different record")));
        }
        throw new RequestRejected(
                409, List.of(new FieldError(null, "a record with this key is still being stored: retry shortly")));
    }

    private static HubRecord stamped(HubRecord record, Organisation provider) {
        record.setProvider(provider.kind());
        record.setProviderOrganisation(provider.toString());
        return record;
    }

    private static RequestRejected unavailable() {
        return new RequestRejected(
                503, List.of(new FieldError(null, "the record could not be stored; nothing was accepted: try again")));
    }
}

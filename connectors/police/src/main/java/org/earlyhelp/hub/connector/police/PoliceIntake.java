package org.earlyhelp.hub.connector.police;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.schema.HubRecord;
import org.springframework.stereotype.Component;

/**
 * Every police endpoint's way in: only a police organisation may send, the record goes to the hub through the one
 * {@link RecordIntake}, and the one set of {@link PartnerMetrics} for police counts it (records in, rejected, last
 * contact, freshness of the newest event), whether it came over HTTP or in an extract.
 */
@Component
public class PoliceIntake {

    private final RecordIntake intake;
    private final PartnerMetrics metrics;

    public PoliceIntake(RecordIntake intake, MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.metrics = new PartnerMetrics(meters, PoliceConnector.PARTNER, clock);
    }

    /** The police organisation calling (from its credential), or a 403 for anyone else. */
    public Organisation force(HttpServletRequest request) {
        if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller
                && caller.organisation().isKind(PoliceConnector.PARTNER)) {
            return caller.organisation();
        }
        throw new RequestRejected(403, List.of(new FieldError(null, "only a police force may send police records")));
    }

    /** The force's own key for a record, plus the {@code Idempotency-Key} header when sent. */
    public static List<IdempotentIntake.Key> keys(IdempotentIntake.Key own, String header) {
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        keys.add(own);
        try {
            IdempotentIntake.headerKey(header).ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(IdempotentIntake.HEADER, e.getMessage());
        }
        return keys;
    }

    /**
     * Hands a mapped record to the hub; counts it once (a replay is not a new record).
     *
     * @param madeAt when the force says the event happened, for the freshness gauge
     */
    public RecordIntake.Accepted submit(
            Organisation force,
            List<IdempotentIntake.Key> keys,
            BiFunction<String, Instant, HubRecord> build,
            Instant madeAt) {
        RecordIntake.Accepted accepted = intake.accept(force, keys, build);
        if (accepted.replay()) {
            metrics.contact();
        } else {
            metrics.received();
        }
        metrics.dataAsOf(madeAt.toEpochMilli());
        return accepted;
    }

    /** A record refused at the edge: a 4xx body or a dead-lettered extract row. */
    public void rejected() {
        metrics.rejected();
    }

    /** The force reached the hub (an extract with no good rows is still contact). */
    public void contact() {
        metrics.contact();
    }
}

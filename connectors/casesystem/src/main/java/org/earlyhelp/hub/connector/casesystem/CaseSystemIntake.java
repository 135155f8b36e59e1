package org.earlyhelp.hub.connector.casesystem;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * What every case-system endpoint does around its own mapping: only a case-system organisation may post (403), the
 * body is read by the hub's one strict reader and then checked by the mapper (400, counted as rejected), the
 * partner's keys are claimed, and the record is handed to {@link RecordIntake} (202 once Kafka holds it).
 */
final class CaseSystemIntake {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final RecordIntake intake;
    private final StrictJsonReader reader;
    private final PartnerMetrics metrics;
    private final Clock clock;

    CaseSystemIntake(RecordIntake intake, StrictJsonReader reader, PartnerMetrics metrics, Clock clock) {
        this.intake = intake;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** The authenticated case-system caller, or 403. */
    static Caller caller(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || !caller.organisation().isKind(CaseSystemConnector.PARTNER)) {
            throw new RequestRejected(
                    403, List.of(new FieldError(null, "only a case-system organisation may post this")));
        }
        return caller;
    }

    /** The body as {@code type}, with the mapper's {@code checks} passed; every refusal is counted as rejected. */
    <T> T read(HttpServletRequest request, Class<T> type, Function<T, List<FieldError>> checks) throws IOException {
        try {
            T body = reader.read(request.getInputStream(), type);
            List<FieldError> problems = checks.apply(body);
            if (!problems.isEmpty()) {
                throw new RequestRejected(problems);
            }
            return body;
        } catch (RequestRejected e) {
            metrics.rejected();
            throw e;
        }
    }

    /**
     * Stores the record built by {@code build}; {@code reference} is the case system's own key for it (a referral's
     * or an assessment's reference), beside any {@code Idempotency-Key} header.
     */
    RecordIntake.Accepted accept(
            Caller caller,
            HttpServletRequest request,
            Optional<IdempotentIntake.Key> reference,
            LocalDate asOf,
            BiFunction<String, Instant, HubRecord> build) {
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        reference.ifPresent(keys::add);
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            metrics.rejected();
            throw new RequestRejected(IdempotentIntake.HEADER, e.getMessage());
        }
        RecordIntake.Accepted accepted = intake.accept(caller.organisation(), keys, build);
        if (!accepted.replay()) {
            metrics.received();
            metrics.dataAsOf(asOf.atStartOfDay(UK).toInstant().toEpochMilli());
        } else {
            metrics.contact();
        }
        return accepted;
    }
}

package org.earlyhelp.hub.connector.housing;

import java.time.ZoneOffset;
import java.util.List;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * Hands checked housing records to the hub's {@link RecordIntake} (idempotency keys, at-rest minimisation, 202 only
 * once Kafka holds it) and counts them in the partner's metrics, for both the JSON endpoints and CSV extracts.
 */
final class HousingIntake {

    private final RecordIntake intake;
    private final PartnerMetrics metrics;

    HousingIntake(RecordIntake intake, PartnerMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    PartnerMetrics metrics() {
        return metrics;
    }

    /**
     * @param keys the client's keys (the Idempotency-Key header, a file row); the fact's own key is added unless
     *     {@code factKeyField} is null
     * @param factKeyField the field a reused reference is reported against, e.g. {@code tenancy.reference}
     */
    RecordIntake.Accepted accept(
            Organisation sender,
            HousingRecordType type,
            HousingRequests.Request request,
            List<IdempotentIntake.Key> keys,
            String factKeyField) {
        List<IdempotentIntake.Key> all = new java.util.ArrayList<>(keys);
        if (factKeyField != null) {
            all.add(IdempotentIntake.referenceKey(factKeyField, HousingRecordMapper.factKey(type, request.fact())));
        }
        RecordIntake.Accepted accepted =
                intake.accept(sender, all, (id, at) -> HousingRecordMapper.toRecord(type, request, id, at));
        if (!accepted.replay()) {
            metrics.received();
        } else {
            metrics.contact();
        }
        metrics.dataAsOf(
                request.fact().asOf().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        return accepted;
    }
}

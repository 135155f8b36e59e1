package org.earlyhelp.hub.connector.casesystem;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.springframework.stereotype.Component;

/**
 * The case system's one {@link PartnerMetrics} (records in and rejected, last contact, data freshness), shared by its
 * endpoints and its webhook delivery: the gauges can be registered once only, so two instances would leave one of
 * them unreported.
 */
@Component
public class CaseSystemMetrics {

    private final PartnerMetrics metrics;

    public CaseSystemMetrics(MeterRegistry meters, Clock clock) {
        this.metrics = new PartnerMetrics(meters, CaseSystemConnector.PARTNER, clock);
    }

    public PartnerMetrics partner() {
        return metrics;
    }
}

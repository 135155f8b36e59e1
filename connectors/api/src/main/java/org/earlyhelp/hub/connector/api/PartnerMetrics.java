package org.earlyhelp.hub.connector.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same four figures for every partner, so a silent feed shows: records in, records rejected at the edge, the last
 * successful contact and the freshness of the newest data (seconds since either, as gauges). The only label is the
 * partner kind: never an organisation, a person or a value.
 */
public final class PartnerMetrics {

    private final MeterRegistry meters;
    private final String partner;
    private final Clock clock;
    private final AtomicLong lastContact;
    private final AtomicLong newestData;

    /** The instants behind a partner's two gauges, shared by every PartnerMetrics of that partner and registry. */
    private record Instants(AtomicLong lastContact, AtomicLong newestData) {}

    private static final Map<MeterRegistry, Map<String, Instants>> SHARED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Several parts of one connector (an endpoint, a file reader) may each make one: they share the partner's gauges,
     * so the last contact is the latest of any.
     */
    public PartnerMetrics(MeterRegistry meters, String partner, Clock clock) {
        this.meters = meters;
        this.partner = partner;
        this.clock = clock;
        boolean[] created = {false};
        Instants instants = SHARED.computeIfAbsent(meters, m -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(partner, p -> {
                    created[0] = true;
                    return new Instants(new AtomicLong(-1), new AtomicLong(-1));
                });
        this.lastContact = instants.lastContact();
        this.newestData = instants.newestData();
        if (!created[0]) {
            return;
        }
        Gauge.builder("hub.partner.last.contact.age", this, m -> m.ageOf(m.lastContact))
                .description("seconds since the partner's last successful contact; -1 before any")
                .baseUnit("seconds")
                .tag("partner", partner)
                .register(meters);
        Gauge.builder("hub.partner.data.age", this, m -> m.ageOf(m.newestData))
                .description("seconds since the newest record the partner sent was made; -1 before any")
                .baseUnit("seconds")
                .tag("partner", partner)
                .register(meters);
    }

    /** A record came in and was accepted. */
    public void received() {
        meters.counter("hub.records", "partner", partner, "outcome", "received").increment();
        contact();
    }

    /** A record came in and was refused at the edge (4xx, or a dead-lettered file row). */
    public void rejected() {
        meters.counter("hub.records", "partner", partner, "outcome", "rejected").increment();
    }

    /** The partner was reached, or reached us, successfully. */
    public void contact() {
        lastContact.set(clock.millis());
    }

    /** The newest data the partner sent was made at {@code epochMillis} (an extract's date, an event's time). */
    public void dataAsOf(long epochMillis) {
        newestData.accumulateAndGet(epochMillis, Math::max);
    }

    private double ageOf(AtomicLong at) {
        long t = at.get();
        return t < 0 ? -1 : (clock.millis() - t) / 1000.0;
    }
}

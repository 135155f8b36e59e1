package org.earlyhelp.hub.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PartnerMetricsTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSilentFeedShowsAsTheAgeOfItsLastContactSharedByEveryPartOfTheConnector() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Moving clock = new Moving();
        PartnerMetrics endpoint = new PartnerMetrics(meters, "housing", clock);
        PartnerMetrics files = new PartnerMetrics(meters, "housing", clock);
        double before = meters.get("hub.partner.last.contact.age")
                .tag("partner", "housing")
                .gauge()
                .value();

        files.received();
        clock.now = clock.now.plus(Duration.ofMinutes(5));

        assertThat(before).isEqualTo(-1);
        assertThat(meters.get("hub.partner.last.contact.age")
                        .tag("partner", "housing")
                        .gauge()
                        .value())
                .isEqualTo(300.0);
        endpoint.rejected();
        assertThat(meters.get("hub.records")
                        .tag("outcome", "received")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("hub.records")
                        .tag("outcome", "rejected")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}

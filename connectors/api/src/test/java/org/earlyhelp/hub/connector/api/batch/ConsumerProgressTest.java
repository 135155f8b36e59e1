package org.earlyhelp.hub.connector.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsumerProgressTest {

    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    final ConsumerProgress progress = new ConsumerProgress(new Clock() {
        @Override
        public ZoneOffset getZone() {
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
    });

    @Test
    void aConsumerHoldingRecordsThatStopsAdvancingIsStalled() {
        progress.started("govern-police", "govern-police@t1", 500);
        now = now.plusSeconds(61);
        assertThat(progress.stalled(Duration.ofMinutes(1))).singleElement().satisfies(s -> {
            assertThat(s.flow()).isEqualTo("govern-police");
            assertThat(s.pending()).isEqualTo(500);
        });
    }

    @Test
    void aConsumerThatAdvancesOrFinishesIsNot() {
        progress.started("govern-police", "govern-police@t1", 500);
        now = now.plusSeconds(50);
        progress.advanced("govern-police@t1", 250);
        now = now.plusSeconds(50);
        assertThat(progress.stalled(Duration.ofMinutes(1))).isEmpty();
        progress.released("govern-police@t1");
        now = now.plusSeconds(3600);
        assertThat(progress.stalled(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void anIdleConsumerWithNothingBehindItIsNotStalled() {
        assertThat(progress.stalled(Duration.ZERO)).isEmpty();
        progress.started("schools-outbound", "schools-outbound@t2", 3);
        progress.released("schools-outbound@t2");
        now = now.plusSeconds(600);
        assertThat(progress.stalled(Duration.ofSeconds(1))).isEmpty();
    }
}

package org.earlyhelp.hub.app.health;

import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.app.config.BatchProperties;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group ({@code /actuator/health/readiness}): OUT_OF_SERVICE while any consumer of this
 * instance holds records it has not finished and has not advanced for {@code hub.batch.stall-after}, so an
 * orchestrator stops sending work here and an operator is told. Liveness stays UP: restarting would only replay the
 * same batch. The details name flows and counts, never records.
 */
@Component
public class ConsumersHealthIndicator implements HealthIndicator {

    private final ConsumerProgress progress;
    private final BatchProperties batch;

    public ConsumersHealthIndicator(ConsumerProgress progress, BatchProperties batch) {
        this.progress = progress;
        this.batch = batch;
    }

    @Override
    public Health health() {
        List<ConsumerProgress.Stall> stalls = progress.stalled(batch.stallAfter());
        if (stalls.isEmpty()) {
            return Health.up()
                    .withDetail("stallAfter", batch.stallAfter().toString())
                    .build();
        }
        return Health.outOfService()
                .withDetail("stallAfter", batch.stallAfter().toString())
                .withDetail(
                        "stalled",
                        stalls.stream()
                                .map(s -> Map.of(
                                        "flow", s.flow(),
                                        "pendingRecords", s.pending(),
                                        "notAdvancedSince", s.since().toString()))
                                .toList())
                .build();
    }
}

package org.earlyhelp.hub.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub's consumers treat failures ({@code hub.batch.*}), and when readiness gives up on a stalled one.
 *
 * @param maxAttempts how many times a record may fail the same way before it is dead-lettered
 * @param initialBackoff first wait before a transient failure is tried again
 * @param maxBackoff longest wait between tries of a transient failure (retried without end)
 * @param maxPollRecords the most records a govern route takes in one batch
 * @param stallAfter how long a consumer holding unfinished records may go without advancing before the hub reports
 *     itself not ready
 */
@Validated
@ConfigurationProperties("hub.batch")
public record BatchProperties(
        @DefaultValue("3") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("100ms") @NotNull Duration initialBackoff,
        @DefaultValue("10s") @NotNull Duration maxBackoff,
        @DefaultValue("500") @Min(1) @Max(10000) int maxPollRecords,
        @DefaultValue("2m") @NotNull Duration stallAfter) {

    public BatchSettings settings() {
        return new BatchSettings(maxAttempts, initialBackoff, maxBackoff);
    }
}

package org.earlyhelp.hub.connector.api.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the batch support tries.
 *
 * @param maxAttempts how many times a record may fail the same way on its own before it is dead-lettered (a permanent
 *     failure of a record on its own is dead-lettered at once)
 * @param initialBackoff the first wait before a transient failure is tried again
 * @param maxBackoff the longest wait: transient failures are retried without end, at most this far apart
 */
public record BatchSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final BatchSettings DEFAULTS = new BatchSettings(3, Duration.ofMillis(100), Duration.ofSeconds(10));

    public BatchSettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and maxBackoff at least initialBackoff");
        }
    }

    public BatchSettings withMaxAttempts(int attempts) {
        return new BatchSettings(attempts, initialBackoff, maxBackoff);
    }
}

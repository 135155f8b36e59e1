package org.earlyhelp.hub.connector.api.batch;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded exponential backoff for one batch. It gives up only when the hub is stopping: the batch is then not
 * committed and is processed again, idempotently, when the hub starts.
 */
final class Backoff {

    private static final Logger log = LoggerFactory.getLogger(Backoff.class);

    private final BatchSettings settings;
    private final Exchange batch;
    private final String flow;
    private long nextMillis;
    private int attempt;

    Backoff(BatchSettings settings, Exchange batch, String flow) {
        this.settings = settings;
        this.batch = batch;
        this.flow = flow;
        reset();
    }

    void reset() {
        nextMillis = settings.initialBackoff().toMillis();
        attempt = 0;
    }

    /** Waits before the next try; {@code why} names a failure kind, never a value. */
    void pause(String why) {
        if (batch.getContext().isStopping() || batch.getContext().isStopped()) {
            throw new IllegalStateException("the hub is stopping with records to retry; the batch will be replayed");
        }
        attempt++;
        log.warn("retrying in {} ms: flow={} attempt={} {}", nextMillis, flow, attempt, why);
        try {
            Thread.sleep(nextMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry; the batch will be replayed", e);
        }
        nextMillis = Math.min(nextMillis * 2, settings.maxBackoff().toMillis());
    }
}

package org.earlyhelp.hub.app.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes a checkpoint of the ledger's head at least every interval (default a minute) when it has moved past the
 * newest checkpoint, and once more on a graceful stop, so a quiet ledger's tail is covered too, not only every
 * N-th entry. Every instance runs one; whichever finds the head unchecked writes it.
 */
public final class LedgerCheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpointSchedule.class);

    private final DisclosureLedger ledger;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public LedgerCheckpointSchedule(DisclosureLedger ledger, Duration interval) {
        this.ledger = ledger;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            ledger.checkpointHead().ifPresent(cp -> log.debug("ledger checkpoint written: seq={}", cp.seq()));
        } catch (RuntimeException e) {
            log.warn("ledger checkpoint skipped: error={}", e.getClass().getName());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            checkpoint();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Stops after the routes that append (they stop in earlier phases), before the datasource closes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}

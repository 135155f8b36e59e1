package org.earlyhelp.hub.app.agreements;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies a change to the agreements directory without a restart: every {@code watch-interval} it compares the
 * directory's content with what it last saw, and on a difference reloads through {@link AgreementChanges} (linted
 * whole; refused whole if any file has an error, the set in force staying; ledgered either way). It compares content,
 * not file events, so it works the same on a shared or network folder, where file events do not reach every
 * instance: each of two instances watching one directory applies the change, and the ledger keeps one entry.
 */
public class AgreementWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgreementWatcher.class);

    static final String ACTOR = "hub:agreements-watcher";

    private final AgreementChanges changes;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private volatile String seen;
    private volatile boolean running;

    public AgreementWatcher(AgreementChanges changes, Duration interval) {
        this.changes = changes;
        this.interval = interval;
    }

    /** One look at the directory (what the timer runs). */
    void check() {
        try {
            String now = changes.digestOfDirectory();
            if (now.equals(seen)) {
                return;
            }
            int errors = changes.reload(ACTOR).size();
            if (errors == 0) {
                log.info("agreements changed on disk: applied");
            }
            seen = now; // a refused state is ledgered once, and retried when the directory changes again
        } catch (RuntimeException e) {
            log.warn("agreements directory not checked: cause={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        changes.recordStart(ACTOR);
        seen = changes.digestOfDirectory();
        running = true;
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agreements-watcher");
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

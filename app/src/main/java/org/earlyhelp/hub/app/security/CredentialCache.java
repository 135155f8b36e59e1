package org.earlyhelp.hub.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's copy of the active credentials, reloaded from the table every {@code refresh} (30 s by default),
 * so a credential revoked on any instance or by the command line stops working everywhere within that time. If the
 * table cannot be read for twice the refresh interval the cache fails closed: no credential is accepted until it can.
 */
public final class CredentialCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CredentialCache.class);

    private final CredentialStore store;
    private final Duration refresh;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile Map<String, Credential> byHash = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public CredentialCache(CredentialStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
        refresh();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-credential-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                this::refreshQuietly, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The active credential whose token this is, if any. */
    public Optional<Credential> find(String token) {
        if (Duration.between(loadedAt, clock.instant()).compareTo(refresh.multipliedBy(2)) > 0) {
            log.warn("credentials not refreshed since {}: refusing every bearer credential until they are", loadedAt);
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(Tokens.sha256Hex(token)));
    }

    /** Reloads now. */
    public void refresh() {
        Map<String, Credential> loaded = store.activeByHash();
        byHash = Map.copyOf(loaded);
        loadedAt = clock.instant();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("could not refresh credentials: cause={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

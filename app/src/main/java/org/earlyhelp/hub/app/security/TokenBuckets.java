package org.earlyhelp.hub.app.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per credential on this instance: {@code burst} requests at once, refilled at {@code perSecond}.
 * Per instance by design (no shared state to slow every request): with N instances behind a balancer a credential
 * gets up to N times the rate, which bounds a runaway or hostile client without a second store to keep up.
 */
final class TokenBuckets {

    private static final int MAX_TRACKED = 100_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one token for the key; false when its bucket is empty. */
    boolean tryTake(String key) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // a full reset is cheaper than an eviction policy; every bucket starts full again
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()))
                .tryTake();
    }

    /** Whole seconds until one token is back, at least 1 (for Retry-After). */
    long secondsUntilNext() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean tryTake() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}

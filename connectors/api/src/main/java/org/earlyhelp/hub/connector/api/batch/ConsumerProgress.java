package org.earlyhelp.hub.connector.api.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each consumer of this hub instance has got: a consumer holding records it has not finished (its lag) that
 * has not advanced for a while is stalled. The readiness check reads this; it is per instance, because each instance
 * holds its own partitions.
 */
public final class ConsumerProgress {

    /** A consumer that holds unfinished records and has not advanced since {@code since}. */
    public record Stall(String flow, long pending, Instant since) {}

    private record State(String flow, long pending, Instant lastAdvance) {}

    private final Clock clock;
    private final Map<String, State> consumers = new ConcurrentHashMap<>();

    public ConsumerProgress(Clock clock) {
        this.clock = clock;
    }

    void started(String flow, String consumer, int records) {
        consumers.put(consumer, new State(flow, records, clock.instant()));
    }

    void advanced(String consumer, int done) {
        if (done > 0) {
            consumers.computeIfPresent(
                    consumer, (k, s) -> new State(s.flow(), Math.max(0, s.pending() - done), clock.instant()));
        }
    }

    /** The consumer holds no records any more: its batch is committed, or abandoned to be replayed. */
    void released(String consumer) {
        consumers.remove(consumer);
    }

    /** Consumers with records behind them that have not advanced for longer than {@code after}. */
    public List<Stall> stalled(Duration after) {
        Instant now = clock.instant();
        List<Stall> stalls = new ArrayList<>();
        for (State s : consumers.values()) {
            if (s.pending() > 0 && Duration.between(s.lastAdvance(), now).compareTo(after) > 0) {
                stalls.add(new Stall(s.flow(), s.pending(), s.lastAdvance()));
            }
        }
        return stalls;
    }
}

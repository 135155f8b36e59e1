package org.earlyhelp.hub.connector.health.poll;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Cursors in memory, for one process (tests, a hub without a database): the lease is per process. */
public final class MemoryPollCursors implements PollCursors {

    private final Map<String, Instant> cursors = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Instant> load(String source, String resourceType) {
        return Optional.ofNullable(cursors.get(source + "\n" + resourceType));
    }

    @Override
    public void save(String source, String resourceType, Instant lastUpdated) {
        cursors.put(source + "\n" + resourceType, lastUpdated);
    }

    @Override
    public Optional<AutoCloseable> tryLock(String source) {
        return held.add(source) ? Optional.of(() -> held.remove(source)) : Optional.empty();
    }
}

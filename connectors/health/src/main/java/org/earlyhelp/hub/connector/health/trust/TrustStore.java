package org.earlyhelp.hub.connector.health.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Resource;

/**
 * The trust's records in memory: every version of every resource, by type and id. Each write gives the resource the
 * next versionId and a lastUpdated strictly after every earlier write on the server (two writes in one millisecond are
 * a millisecond apart), so a poll by {@code _lastUpdated} sees every change in order. One lock: simple, and far faster
 * than the HTTP in front of it.
 */
final class TrustStore {

    private final Map<String, Map<String, List<Resource>>> byType = new HashMap<>();
    private long lastMillis;

    /** Stores a new version (a new id when it has none); returns the stored copy. */
    synchronized Resource write(Resource resource) {
        Resource r = resource.copy();
        if (!r.hasIdElement() || !r.getIdElement().hasIdPart()) {
            r.setId(UUID.randomUUID().toString());
        }
        String id = r.getIdElement().getIdPart();
        List<Resource> versions =
                byType.computeIfAbsent(r.fhirType(), t -> new HashMap<>()).computeIfAbsent(id, i -> new ArrayList<>());
        long now = Math.max(System.currentTimeMillis(), lastMillis + 1);
        lastMillis = now;
        String version = String.valueOf(versions.size() + 1);
        r.setId(r.fhirType() + "/" + id + "/_history/" + version);
        r.getMeta().setVersionId(version).setLastUpdated(new Date(now));
        versions.add(r);
        return r.copy();
    }

    synchronized Optional<Resource> read(String type, String id, String version) {
        List<Resource> versions = byType.getOrDefault(type, Map.of()).get(id);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        if (version == null) {
            return Optional.of(versions.get(versions.size() - 1).copy());
        }
        return versions.stream()
                .filter(v -> version.equals(v.getMeta().getVersionId()))
                .findFirst()
                .map(Resource::copy);
    }

    /** The current version of each resource of the type that passes, oldest lastUpdated first. */
    synchronized List<Resource> current(String type, Predicate<Resource> filter) {
        List<Resource> out = new ArrayList<>();
        for (List<Resource> versions : byType.getOrDefault(type, Map.of()).values()) {
            Resource latest = versions.get(versions.size() - 1);
            if (filter.test(latest)) {
                out.add(latest.copy());
            }
        }
        out.sort(Comparator.comparing(r -> r.getMeta().getLastUpdated()));
        return out;
    }

    synchronized int count(String type) {
        return byType.getOrDefault(type, Map.of()).size();
    }
}

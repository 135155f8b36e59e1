package org.earlyhelp.hub.connector.schools;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Maps a school's URN to the endpoint where it receives notifications. */
@Component
public class SchoolDirectory {

    /** How long a looked-up endpoint is trusted; another instance's change is seen within this. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SchoolDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<URI> endpointFor(String urn) {
        long now = System.nanoTime();
        Cached cached = cache.get(urn);
        if (cached != null && now - cached.at() < CACHE_FOR.toNanos()) {
            return cached.endpoint();
        }
        List<String> urls =
                jdbc.queryForList("select endpoint_url from school_endpoint where urn = ?", String.class, urn);
        Optional<URI> endpoint = urls.stream().findFirst().map(URI::create);
        cache.put(urn, new Cached(endpoint, now));
        return endpoint;
    }

    private record Cached(Optional<URI> endpoint, long at) {}

    /** Adds or replaces a school's endpoint: the board's word, which also takes over an entry the simulator made. */
    public void register(String urn, String name, URI endpoint) {
        check(urn, endpoint);
        jdbc.update(
                "insert into school_endpoint (urn, name, endpoint_url) values (?, ?, ?) on conflict (urn) do update"
                        + " set name = coalesce(excluded.name, school_endpoint.name),"
                        + " endpoint_url = excluded.endpoint_url, simulated = false, updated_at = now()",
                urn,
                name,
                endpoint.toString());
        cache.remove(urn);
    }

    /**
     * The simulator's registration: creates the entry if there is none, and re-points only an entry the simulator
     * itself made. Never overwrites an entry the board set.
     *
     * @return whether the entry is now the simulator's (false: the board's entry was left as it was)
     */
    public boolean registerSimulated(String urn, String name, URI endpoint) {
        check(urn, endpoint);
        int changed = jdbc.update(
                "insert into school_endpoint (urn, name, endpoint_url, simulated) values (?, ?, ?, true)"
                        + " on conflict (urn) do update set endpoint_url = excluded.endpoint_url, updated_at = now()"
                        + " where school_endpoint.simulated",
                urn,
                name,
                endpoint.toString());
        cache.remove(urn);
        return changed > 0;
    }

    private static void check(String urn, URI endpoint) {
        if (!urn.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a school URN is 6 digits");
        }
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the endpoint must be an http or https URL");
        }
    }

    public List<Entry> all() {
        return jdbc.query(
                "select urn, name, endpoint_url from school_endpoint order by urn",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public record Entry(String urn, String name, String endpointUrl) {}
}

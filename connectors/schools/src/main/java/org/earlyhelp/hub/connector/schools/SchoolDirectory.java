package org.earlyhelp.hub.connector.schools;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maps a school's URN to the endpoint where it receives notifications. Every endpoint is held to the {@link
 * EndpointPolicy} when it is registered and again when it is looked up for a delivery (an entry made before the
 * policy, or a host name now resolving somewhere internal, is refused then).
 */
public class SchoolDirectory {

    /** How long a looked-up endpoint is trusted; another instance's change is seen within this. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private static final Pattern URN = Pattern.compile("[0-9]{6}");
    private static final int MAX_URL = 2000;

    private final JdbcTemplate jdbc;
    private final EndpointPolicy policy;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile String eheTeamEndpoint;

    /**
     * @param loopbackHttp whether plain http to this machine is allowed (the embedded run)
     * @param privateNetworks whether loopback, link-local and private addresses are allowed
     */
    public SchoolDirectory(JdbcTemplate jdbc, boolean loopbackHttp, boolean privateNetworks) {
        this(jdbc, new EndpointPolicy(loopbackHttp, privateNetworks));
    }

    SchoolDirectory(JdbcTemplate jdbc, EndpointPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** A school's endpoint for a delivery, or why there is none (a reason free of the URL). */
    record Lookup(Optional<URI> endpoint, String problem) {}

    /** The endpoint, if the school has a usable one. */
    public Optional<URI> endpointFor(String urn) {
        return lookup(urn).endpoint();
    }

    /**
     * Where the council's elective home education team receives notifications ({@code
     * hub.connectors.schools.ehe-team-endpoint}); held to the same endpoint rules, checked at each delivery.
     */
    public void eheTeamEndpoint(String endpoint) {
        this.eheTeamEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
    }

    /** The endpoint of a recipient address: a school's URN, or the EHE team. */
    Lookup lookupAddress(String address) {
        if (SchoolsConnector.EHE_TEAM.equals(address)) {
            String url = eheTeamEndpoint;
            return url == null
                    ? new Lookup(Optional.empty(), "no endpoint is configured for the council's EHE team")
                    : check(url);
        }
        return lookup(address);
    }

    Lookup lookup(String urn) {
        long now = System.nanoTime();
        Cached cached = cache.get(urn);
        if (cached != null && now - cached.at() < CACHE_FOR.toNanos()) {
            return cached.lookup();
        }
        List<String> urls =
                jdbc.queryForList("select endpoint_url from school_endpoint where urn = ?", String.class, urn);
        Lookup found =
                urls.isEmpty() ? new Lookup(Optional.empty(), "school URN not in the directory") : check(urls.get(0));
        cache.put(urn, new Cached(found, now));
        return found;
    }

    private Lookup check(String url) {
        try {
            URI uri = new URI(url);
            Optional<String> problem = policy.problem(uri);
            return problem.isPresent()
                    ? new Lookup(Optional.empty(), "school endpoint refused: " + problem.get())
                    : new Lookup(Optional.of(uri), null);
        } catch (URISyntaxException e) {
            return new Lookup(Optional.empty(), "school endpoint refused: not a URL");
        }
    }

    private record Cached(Lookup lookup, long at) {}

    /**
     * Adds or replaces a school's endpoint: the board's word, which also takes over an entry the simulator made.
     *
     * @throws InvalidEntry naming the field and the rule it breaks, never the value
     */
    public void register(String urn, String name, String endpoint) {
        URI uri = checked(urn, endpoint);
        jdbc.update(
                "insert into school_endpoint (urn, name, endpoint_url) values (?, ?, ?) on conflict (urn) do update"
                        + " set name = coalesce(excluded.name, school_endpoint.name),"
                        + " endpoint_url = excluded.endpoint_url, simulated = false, updated_at = now()",
                urn,
                name,
                uri.toString());
        cache.remove(urn);
    }

    /**
     * The simulator's registration: creates the entry if there is none, and re-points only an entry the simulator
     * itself made. Never overwrites an entry the board set. Held to the same endpoint rules.
     *
     * @return whether the entry is now the simulator's (false: the board's entry was left as it was)
     */
    public boolean registerSimulated(String urn, String name, URI endpoint) {
        URI uri = checked(urn, endpoint == null ? null : endpoint.toString());
        int changed = jdbc.update(
                "insert into school_endpoint (urn, name, endpoint_url, simulated) values (?, ?, ?, true)"
                        + " on conflict (urn) do update set endpoint_url = excluded.endpoint_url, updated_at = now()"
                        + " where school_endpoint.simulated",
                urn,
                name,
                uri.toString());
        cache.remove(urn);
        return changed > 0;
    }

    private URI checked(String urn, String endpoint) {
        if (urn == null || !URN.matcher(urn).matches()) {
            throw new InvalidEntry("urn", "a school URN is 6 digits");
        }
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_URL) {
            throw new InvalidEntry("endpoint", "must be an https URL of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new InvalidEntry("endpoint", "is not a URL");
        }
        policy.problem(uri).ifPresent(p -> {
            throw new InvalidEntry("endpoint", p);
        });
        return uri;
    }

    /** Adds or replaces a school's endpoint; see {@link #register(String, String, String)}. */
    public void register(String urn, String name, URI endpoint) {
        register(urn, name, endpoint == null ? null : endpoint.toString());
    }

    public List<Entry> all() {
        return jdbc.query(
                "select urn, name, endpoint_url from school_endpoint order by urn",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public record Entry(String urn, String name, String endpointUrl) {}

    /** A directory entry that breaks a rule: which field, and which rule. */
    public static final class InvalidEntry extends IllegalArgumentException {
        private final String field;

        InvalidEntry(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}

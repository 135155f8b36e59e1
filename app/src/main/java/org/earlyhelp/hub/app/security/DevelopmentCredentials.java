package org.earlyhelp.hub.app.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * The fixed credentials of the embedded run, one per organisation, documented in the README so its walkthroughs
 * work. They are public, so the hub refuses to start outside the embedded run while any of them is usable.
 */
public final class DevelopmentCredentials {

    /** The simulated police force's credential (the simulator runs in the embedded run). */
    public static final String POLICE_TOKEN = "police-dev-token";

    /** token to organisation. */
    public static final Map<String, Organisation> TOKENS;

    static {
        Map<String, Organisation> m = new LinkedHashMap<>();
        m.put(POLICE_TOKEN, new Organisation("police", "derbyshire"));
        m.put("schools-dev-token", new Organisation("schools", "123456"));
        m.put("school-654321-dev-token", new Organisation("schools", "654321"));
        m.put("health-dev-token", new Organisation("health", "RFS"));
        m.put("casesystem-dev-token", new Organisation("casesystem", "early-help-north"));
        m.put("housing-dev-token", new Organisation("housing", "chesterfield-homes"));
        m.put("council-dev-token", new Organisation("council", "education-service"));
        m.put("governance-dev-token", new Organisation("governance", "board"));
        TOKENS = java.util.Collections.unmodifiableMap(m);
    }

    private DevelopmentCredentials() {}

    /** The stable credential id of a development token, e.g. {@code dev-schools-123456}. */
    static String idOf(Organisation organisation) {
        return "dev-" + organisation.kind() + "-" + organisation.id();
    }

    /** The hashes of every development token, to find one however it got into the table. */
    static Set<String> hashes() {
        return TOKENS.keySet().stream().map(Tokens::sha256Hex).collect(Collectors.toSet());
    }
}

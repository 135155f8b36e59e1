package org.earlyhelp.hub.governance.agreement;

import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;

/**
 * What the lint must know of the connectors on the classpath to refuse an agreement that could never work: which
 * partners have an outbound connector (a {@code deliver:} agreement to any other publishes to a topic nobody reads),
 * which partner kinds bring in each record type, and which relationship kinds some connector's records establish.
 */
public record ConnectorFacts(
        Set<String> delivering, Map<String, Set<String>> providersOfType, Map<RelationshipKind, Set<String>> holders) {

    public ConnectorFacts {
        delivering = Set.copyOf(delivering);
        providersOfType = Map.copyOf(providersOfType);
        holders = Map.copyOf(holders);
    }

    /** The partner kinds that hold {@code kind}; empty when no connector's records establish it. */
    public Set<String> holdersOf(RelationshipKind kind) {
        return holders.getOrDefault(kind, Set.of());
    }
}

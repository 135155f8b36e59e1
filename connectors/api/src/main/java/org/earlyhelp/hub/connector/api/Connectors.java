package org.earlyhelp.hub.connector.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;
import org.earlyhelp.hub.schema.payload.PayloadType;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/**
 * Every connector on the classpath, found through {@link ServiceLoader} (each connector module lists its {@link
 * Connector} in {@code META-INF/services/org.earlyhelp.hub.connector.api.Connector}), so the running hub and the
 * command line (which starts no Spring context) see the same partners. Everything the hub needs to know about
 * partners is read from here: topics, payload types, addressing, relationships, person links.
 */
public final class Connectors {

    private final List<Connector> connectors;

    public Connectors(Collection<Connector> connectors) {
        List<Connector> sorted = new ArrayList<>(connectors);
        sorted.sort(Comparator.comparing(Connector::partner));
        Set<String> partners = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        for (Connector c : sorted) {
            if (!partners.add(c.partner())) {
                throw new IllegalStateException("two connectors for partner " + c.partner());
            }
            for (String p : c.providers()) {
                if (!providers.add(p)) {
                    throw new IllegalStateException("two connectors bring in records from " + p);
                }
            }
        }
        this.connectors = List.copyOf(sorted);
        payloadTypes(); // fails early on a type registered twice
    }

    /** The connectors of the classpath, unconfigured ({@link ConnectorSettings#NONE}). */
    public static Connectors discover() {
        return discover(ConnectorSettings.NONE);
    }

    /** The connectors of the classpath, each {@link Connector#configured configured} by the hub's settings. */
    public static Connectors discover(ConnectorSettings settings) {
        List<Connector> found = new ArrayList<>();
        ServiceLoader.load(Connector.class).forEach(c -> found.add(c.configured(settings)));
        return new Connectors(found);
    }

    public List<Connector> all() {
        return connectors;
    }

    /** The partner kinds that send records, each with an inbound and a dead-letter topic. */
    public Set<String> providers() {
        Set<String> out = new LinkedHashSet<>();
        connectors.forEach(c -> out.addAll(c.providers()));
        return out;
    }

    /** The partners with an outbound connector, each read from its outbound topic. */
    public Set<String> delivering() {
        Set<String> out = new LinkedHashSet<>();
        connectors.stream().filter(c -> c.outbound().isPresent()).forEach(c -> out.add(c.partner()));
        return out;
    }

    /** Every topic the connectors need, by the hub's naming. */
    public Set<String> topics(Topics topics) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : providers()) {
            out.add(topics.inbound(p));
            out.add(topics.deadLetter(p));
        }
        for (String p : delivering()) {
            out.add(topics.outbound(p));
            out.add(topics.deadLetter(p));
        }
        return out;
    }

    public PayloadTypes payloadTypes() {
        List<PayloadType> types = new ArrayList<>();
        connectors.forEach(c -> c.recordTypes().forEach(t -> types.add(t.payload())));
        return PayloadTypes.of(types);
    }

    /** Every record type, with the partner kinds that may send it. */
    public List<RecordType> recordTypes() {
        List<RecordType> out = new ArrayList<>();
        connectors.forEach(c -> out.addAll(c.recordTypes()));
        return out;
    }

    public Map<String, RecipientAddressing> addressing() {
        Map<String, RecipientAddressing> out = new LinkedHashMap<>();
        connectors.forEach(c -> c.outbound().ifPresent(o -> out.put(c.partner(), o.addressing())));
        return out;
    }

    /** The relationship source of each provider kind. */
    public Map<String, RelationshipSource> relationships() {
        Map<String, RelationshipSource> out = new LinkedHashMap<>();
        connectors.forEach(c -> c.providers().forEach(p -> out.put(p, c.relationships())));
        return out;
    }

    /** The relationship kinds some connector's records can establish. */
    public Set<RelationshipKind> establishable() {
        Set<RelationshipKind> out = new LinkedHashSet<>();
        connectors.forEach(c -> out.addAll(c.establishes()));
        return out;
    }

    /** The person links of each provider kind. */
    public Map<String, PersonLinks> personLinks() {
        Map<String, PersonLinks> out = new LinkedHashMap<>();
        connectors.forEach(c -> c.providers().forEach(p -> out.put(p, c.personLinks())));
        return out;
    }

    /** The provider kinds whose records are education records (a UPN is trusted between them). */
    public Set<String> educationProviders() {
        Set<String> out = new LinkedHashSet<>();
        connectors.stream().filter(Connector::educationRecords).forEach(c -> out.addAll(c.providers()));
        return out;
    }

    /** What the agreement lint must know of the connectors. */
    public org.earlyhelp.hub.governance.agreement.ConnectorFacts facts() {
        Map<String, Set<String>> providersOfType = new LinkedHashMap<>();
        for (RecordType t : recordTypes()) {
            providersOfType
                    .computeIfAbsent(t.type(), k -> new LinkedHashSet<>())
                    .addAll(t.providers());
        }
        return new org.earlyhelp.hub.governance.agreement.ConnectorFacts(delivering(), providersOfType, holders());
    }

    /** For each relationship kind some connector establishes, the partner kinds that hold it. */
    public Map<RelationshipKind, Set<String>> holders() {
        Map<RelationshipKind, Set<String>> out = new LinkedHashMap<>();
        for (Connector c : connectors) {
            for (RelationshipKind kind : c.establishes()) {
                out.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(c.holdersOf(kind));
            }
        }
        return out;
    }
}

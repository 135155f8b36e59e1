package org.earlyhelp.hub.connector.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;

/**
 * A partner system's connector, as it describes itself to the hub: one Spring bean in the connector's own module. The
 * application collects every {@code Connector} bean and from them makes the topics, registers the payload types,
 * addresses disclosures, writes relationships and checks the agreements; nothing outside {@code connectors/} names a
 * partner. A connector's own inbound endpoints and outbound route are its own beans beside this one.
 */
public interface Connector {

    /** The partner kind agreements name ({@code housing}); its outbound topic and dead letters are named for it. */
    String partner();

    /**
     * The partner kinds whose records this connector brings in, each with its own inbound and dead-letter topic: its
     * own partner, and any other it speaks for (the council's education service sends roll records in the schools
     * format).
     */
    default Set<String> providers() {
        return Set.of(partner());
    }

    /**
     * Paths outside {@code /api/<partner>/} the connector serves to its own provider kinds (Ant patterns, any method),
     * for a partner that speaks a standard protocol at its own base (FHIR at {@code /fhir}). None by default.
     */
    default List<String> endpoints() {
        return List.of();
    }

    /** The record types it brings in, each with its registered payload schema. */
    List<RecordType> recordTypes();

    /** Present when it delivers to its partner: how it addresses recipients, and how it classifies send failures. */
    Optional<Outbound> outbound();

    /** The relationships its records establish or end; {@link RelationshipSource#NONE} for none. */
    default RelationshipSource relationships() {
        return RelationshipSource.NONE;
    }

    /** The relationship kinds {@link #relationships()} can assert, so the lint can check what agreements name. */
    default Set<RelationshipKind> establishes() {
        return Set.of();
    }

    /**
     * The partner kinds whose organisations hold {@code kind} when this connector's records establish it: by default
     * every provider kind of the connector, for a kind it {@link #establishes()}.
     */
    default Set<String> holdersOf(RelationshipKind kind) {
        return establishes().contains(kind) ? providers() : Set.of();
    }

    /** The links between people its records assert (a parent of a child, a school's contact for a pupil). */
    default PersonLinks personLinks() {
        return PersonLinks.NONE;
    }

    /** Whether its records are education records, between which a unique pupil number is a trusted identifier. */
    default boolean educationRecords() {
        return false;
    }

    /**
     * This connector as the deployment configures it: what it declares may depend on settings (a webhook configured or
     * not). The default ignores them. Called once, by {@link Connectors#discover(ConnectorSettings)}.
     */
    default Connector configured(ConnectorSettings settings) {
        return this;
    }

    /**
     * What the partner's system posts in the simulated run (the embedded default and the demonstration profile),
     * drawn from the one synthetic population; empty for a partner the simulator does not play.
     */
    default Optional<org.earlyhelp.hub.simulator.partners.PartnerFeed> simulation() {
        return Optional.empty();
    }

    /** How a delivering connector addresses each subject, and which of its failures are worth retrying. */
    record Outbound(RecipientAddressing addressing, FailureClassifier classifier) {}
}

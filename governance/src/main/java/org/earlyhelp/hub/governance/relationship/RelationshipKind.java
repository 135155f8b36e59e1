package org.earlyhelp.hub.governance.relationship;

import java.util.Locale;
import java.util.Optional;

/**
 * The relationships the hub can check. Which partner kinds hold each is for the connectors to say ({@code
 * Connector.holdersOf}): a connector's records establish it. Agreements name the first three in {@code
 * pull.relationships}; {@link #ROLL_RECORD} is the authoritative source's own record of a school roll, which
 * corroborates a {@link #PUPIL_ON_ROLL} and never licenses a pull itself.
 */
public enum RelationshipKind {
    /** The child is on the school's roll at the school's own URN. */
    PUPIL_ON_ROLL,
    /** An open involvement with a named lead practitioner or team. */
    OPEN_INVOLVEMENT,
    /** A tenancy with a housing provider. */
    TENANCY,
    /** The authoritative source's record that a child is on a school's roll (the URN is the detail). */
    ROLL_RECORD;

    /** Whether agreements may name it in {@code pull.relationships}. */
    public boolean licensesPull() {
        return this != ROLL_RECORD;
    }

    /** Whether an authoritative source exists that must corroborate it. */
    public boolean hasAuthoritativeSource() {
        return this == PUPIL_ON_ROLL;
    }

    /** {@code pupil-on-roll}, the spelling agreements and the ledger use. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RelationshipKind> fromYaml(String name) {
        for (RelationshipKind k : values()) {
            if (k.yamlName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

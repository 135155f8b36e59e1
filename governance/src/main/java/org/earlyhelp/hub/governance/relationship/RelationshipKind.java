package org.earlyhelp.hub.governance.relationship;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The relationships the hub can check, each held only by organisations of the partner kinds named here. Agreements
 * name the first three in {@code pull.relationships}; {@link #ROLL_RECORD} is the authoritative source's own record of
 * a school roll, which corroborates a school's {@link #PUPIL_ON_ROLL} and never licenses a pull itself.
 */
public enum RelationshipKind {
    /** The child is on the school's roll at the school's own URN (a school's attendance record). */
    PUPIL_ON_ROLL(Set.of("schools")),
    /** An open case or health involvement with a named lead practitioner or team. */
    OPEN_INVOLVEMENT(Set.of("casesystem", "health")),
    /** A tenancy with a housing provider. No housing record type exists yet, so nothing establishes one today. */
    TENANCY(Set.of("housing")),
    /** The council education service's record that a child is on a school's roll (the URN is the detail). */
    ROLL_RECORD(Set.of("council"));

    /** The organisation whose roll records are authoritative for school rolls. */
    public static final String EDUCATION_SERVICE = "council:education-service";

    private final Set<String> holders;

    RelationshipKind(Set<String> holders) {
        this.holders = holders;
    }

    /** The partner kinds whose organisations can hold this relationship. */
    public Set<String> holders() {
        return holders;
    }

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

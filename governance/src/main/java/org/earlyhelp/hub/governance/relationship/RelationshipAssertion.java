package org.earlyhelp.hub.governance.relationship;

import java.util.Objects;

/**
 * What one record says about a relationship: that {@code organisation} now holds (or, when {@code closing}, no longer
 * holds) a relationship of {@code kind} with the person the record names by {@code recordKey}.
 */
public record RelationshipAssertion(
        String organisation, RelationshipKind kind, String recordKey, String recordId, String detail, boolean closing) {

    public RelationshipAssertion {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(recordId, "recordId");
    }
}

package org.earlyhelp.hub.governance.relationship;

import java.time.Instant;

/**
 * One live (or ended) relationship in the register: which organisation, of what kind, with the person whose record
 * (by person index key {@code <provider>/<record id>#<ref>}) established it. It is keyed by that record, not by a
 * person id, so it follows the record through every merge and split of the person index.
 *
 * @param detail the school URN for roll relationships, else null
 */
public record Relationship(
        long id,
        String organisation,
        RelationshipKind kind,
        String recordKey,
        String recordId,
        String detail,
        Instant establishedAt,
        Instant endedAt) {

    public boolean live() {
        return endedAt == null;
    }
}

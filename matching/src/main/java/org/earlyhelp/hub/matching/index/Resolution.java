package org.earlyhelp.hub.matching.index;

import java.util.UUID;
import org.earlyhelp.hub.matching.engine.PairScore;

/**
 * What resolving one record did.
 *
 * @param recordKey {@code <source>/<record id>}
 * @param personId the person the record now belongs to
 * @param method how: {@code NEW_PERSON}, a deterministic rule's name, {@code PROBABILISTIC}, or {@code ALREADY_INDEXED}
 * @param score the score against the record it was linked through; null for a new person or a record seen before
 * @param reviewsOpened pairs referred to the clerical review queue by this resolution
 */
public record Resolution(String recordKey, UUID personId, String method, PairScore score, int reviewsOpened) {

    public boolean newPerson() {
        return PersonIndex.NEW_PERSON.equals(method);
    }
}

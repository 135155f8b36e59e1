package org.earlyhelp.hub.matching.index;

import java.util.UUID;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * A record in the index, with the person it belongs to and why.
 *
 * @param method the rule that linked it ({@code NEW_PERSON}, {@code PROBABILISTIC}, {@code CLERICAL}, ...)
 * @param explanationJson the weight each comparison contributed, or null for a new person
 */
public record IndexedRecord(
        String recordKey,
        UUID personId,
        PersonRecord record,
        String method,
        Double matchWeight,
        String explanationJson) {}

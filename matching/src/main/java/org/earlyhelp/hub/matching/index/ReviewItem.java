package org.earlyhelp.hub.matching.index;

import java.time.Instant;
import java.util.UUID;

/**
 * One pair waiting for a person to decide whether it is one person. The explanation is the JSON of the weight each
 * comparison contributed, as the reviewer sees it.
 */
public record ReviewItem(
        long reviewId,
        String recordKey,
        UUID personId,
        String candidateRecordKey,
        UUID candidatePersonId,
        double matchWeight,
        double matchProbability,
        String explanationJson,
        Instant createdAt) {}

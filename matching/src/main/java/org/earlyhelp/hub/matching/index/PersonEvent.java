package org.earlyhelp.hub.matching.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge or a split, as recorded.
 *
 * @param personId the person kept (merge) or split from (split)
 * @param otherPersonId the person merged away (merge) or created (split)
 * @param recordKeys the records that moved
 */
public record PersonEvent(
        long eventId,
        String kind,
        UUID personId,
        UUID otherPersonId,
        List<String> recordKeys,
        String reason,
        String actor,
        Instant at) {}

package org.earlyhelp.hub.governance.consent;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a person came to be: for a current person, every person id whose consents now belong to them (the person and
 * everyone merged into them), each with the latest split anywhere on its way to the person. A consent recorded before
 * such a split belongs to neither half until someone re-confirms it. The person index provides it; governance only
 * reads it, so it stays free of the index's tables.
 */
@FunctionalInterface
public interface PersonLineage {

    Map<UUID, Optional<Instant>> of(UUID personId);

    /** No merges or splits: each person is only themself. For tests and tools without a person index. */
    PersonLineage NONE = id -> Map.of(id, Optional.empty());
}

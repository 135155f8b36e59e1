package org.earlyhelp.hub.matching.engine;

import java.util.Set;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Judges whether two person records are the same person. The person index uses it to resolve each arriving record
 * against the candidates its blocking keys find; the batch linker uses it over a whole load.
 */
public interface PairMatcher {

    /** Scores a pair: deterministic rules first, then the twins rule, then the probabilistic weight. */
    PairScore score(PersonRecord a, PersonRecord b);

    /**
     * The blocking keys of a record, e.g. {@code "dob:20150304"}. Two records are compared only if they share a key.
     * Keys are opaque strings, stable across runs, and may be stored (they are derived from personal data, so they are
     * stored only where the record itself may be).
     */
    Set<String> blockingKeys(PersonRecord record);

    /**
     * This matcher as it decides in an index or load of {@code records} records: the {@link LinkRule}'s prior and
     * thresholds for a model-based matcher; itself for one without a model.
     */
    default PairMatcher forRecords(long records) {
        return this;
    }

    /** The model and thresholds this matcher decides with, recorded with each link; null when it has none. */
    default ModelStamp stamp() {
        return null;
    }
}

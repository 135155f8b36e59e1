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

    /** The model and thresholds this matcher decides with, recorded with each link; null when it has none. */
    default ModelStamp stamp() {
        return null;
    }
}

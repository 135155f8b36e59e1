package org.earlyhelp.hub.matching.engine;

import java.util.Objects;
import org.earlyhelp.hub.matching.model.Explanation;

/**
 * How a pair of records was judged, and why. Stored with every link and every referral for review.
 *
 * @param matchWeight the Fellegi-Sunter weight (log2 odds), including term-frequency adjustments
 * @param matchProbability {@code 2^w / (1 + 2^w)}
 * @param explanation the weight each comparison contributed; present even when a deterministic rule decided
 */
public record PairScore(
        Outcome outcome, Rule rule, double matchWeight, double matchProbability, Explanation explanation) {

    public PairScore {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
    }
}

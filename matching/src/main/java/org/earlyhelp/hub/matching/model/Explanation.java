package org.earlyhelp.hub.matching.model;

import java.util.List;
import org.earlyhelp.hub.matching.compare.ComparisonLevel;

/**
 * Why a pair scored what it did: the prior weight plus each comparison's {@code log2(m/u)}; stored with every link.
 *
 * @param priorWeight {@code log2(lambda / (1 - lambda))}
 * @param contributions one per comparison, in model order
 */
public record Explanation(double priorWeight, List<Contribution> contributions) {

    /** What one comparison added to the match weight; 0 for a null level. */
    public record Contribution(String comparison, ComparisonLevel level, double weight) {}

    public Explanation {
        contributions = List.copyOf(contributions);
    }

    /** The prior plus every contribution: equal to {@link FellegiSunterModel#matchWeight(ComparisonVector)}. */
    public double matchWeight() {
        double total = priorWeight;
        for (Contribution c : contributions) {
            total += c.weight();
        }
        return total;
    }

    public double matchProbability() {
        return FellegiSunterModel.probability(matchWeight());
    }
}

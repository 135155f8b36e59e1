package org.earlyhelp.hub.matching.engine;

import java.util.List;
import org.earlyhelp.hub.matching.model.ComparisonVector;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;

/**
 * How many matches a load holds, from its blocked candidate pairs, with m and u held: EM on the prior over ALL pairs,
 * every pair outside the blocks counted as a non-match (blocking reaches almost every match).
 *
 * <p>Why not EM on the share of matches among the blocked pairs, with m/u as they stand (what {@link Trainer} did):
 * u is the chance of a pattern among ALL non-matching pairs, but the blocked non-matches are a selection (each agrees on
 * a blocking key), so among them a pattern is about {@code allPairs / blockedPairs} times likelier than u says. Read
 * with the unconditioned u, every blocked stranger looks that many times more like a match, and the prior comes out
 * too high by a factor that grows as blocks fill with strangers. On {@code hub simulate people} (seed 7) it was 8
 * times too high at 20,000 records and 30 times at 200,000 (log2 3 and 5 bits), so the link threshold of probability
 * 0.999 meant 0.97 in fact, and precision fell short (issue 10, point 6; figures in {@code docs/benchmarks.md}).
 * Here the posterior of a blocked pair is {@code prior / (1 - prior) * m / u} with the prior over all pairs, which is
 * the same odds the selection-corrected mixture gives (the selection factor cancels), and what the matcher uses.
 */
final class BlockedPrior {

    private BlockedPrior() {}

    /**
     * Expected matches among all pairs of the load.
     *
     * @param patterns the distinct comparison patterns of the (sampled) blocked pairs
     * @param counts how many sampled pairs have each pattern
     * @param sampleRate the share of blocked pairs sampled
     * @param allPairs n(n-1)/2 for the load
     */
    static double matches(
            List<ComparisonVector> patterns,
            double[] counts,
            double[][] m,
            double[][] u,
            double sampleRate,
            double allPairs) {
        int n = patterns.size();
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double log = 0;
            ComparisonVector v = patterns.get(i);
            for (int k = 0; k < v.size(); k++) {
                int level = v.level(k);
                double mk = m[k][level];
                double uk = u[k][level];
                if (mk > 0 && uk > 0) {
                    log += Math.log(Math.max(mk, FellegiSunterModel.FLOOR) / Math.max(uk, FellegiSunterModel.FLOOR));
                }
            }
            ratio[i] = Math.exp(Math.max(-700, Math.min(700, log)));
        }
        double blocked = 0;
        for (double c : counts) {
            blocked += c;
        }
        blocked /= sampleRate;
        if (blocked <= 0 || allPairs <= 0) {
            return 0;
        }
        // start from "a tenth of the blocked pairs are matches"; EM converges from above
        double prior = Math.min(0.5, 0.1 * blocked / allPairs);
        double matches = prior * allPairs;
        for (int iteration = 0; iteration < 500; iteration++) {
            double odds = prior / (1 - prior);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                double o = odds * ratio[i];
                expected += counts[i] * (Double.isInfinite(o) ? 1 : o / (1 + o));
            }
            matches = expected / sampleRate;
            double next = Math.min(0.5, Math.max(1e-15, matches / allPairs));
            boolean done = Math.abs(next - prior) < 1e-9 * prior;
            prior = next;
            if (done) {
                break;
            }
        }
        return matches;
    }
}

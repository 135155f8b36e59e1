package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.earlyhelp.hub.matching.model.Comparison;
import org.earlyhelp.hub.matching.model.ComparisonVector;
import org.earlyhelp.hub.matching.model.ExpectationMaximisation;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;

/**
 * Unsupervised training, as Splink does it: u from random pairs (nearly all non-matches; seeded, so deterministic),
 * then m and lambda by expectation-maximisation over the blocked candidate pairs with u held fixed. No labels are used.
 * Candidate pairs are summarised as distinct comparison vectors with counts, so EM costs the same for a million pairs
 * as for a thousand. The lambda EM finds is the share of matches among candidate pairs; it is scaled back to all pairs
 * (assuming blocking finds every match), which is what a prior over any two records means.
 */
public final class Trainer {

    private static final int BITS = 4;

    private final StandardMatcher matcher;
    private final long seed;
    private final int randomPairs;
    private final long maxTrainingPairs;

    /**
     * @param randomPairs how many random pairs estimate u
     * @param maxTrainingPairs candidate pairs beyond this are sampled (deterministically) for EM
     */
    public Trainer(StandardMatcher matcher, long seed, int randomPairs, long maxTrainingPairs) {
        this.matcher = matcher;
        this.seed = seed;
        this.randomPairs = randomPairs;
        this.maxTrainingPairs = maxTrainingPairs;
    }

    /** u from random pairs of {@code records}. */
    double[][] estimateU(List<PreparedRecord> records) {
        int n = records.size();
        long possible = (long) n * (n - 1) / 2;
        int count = (int) Math.min(randomPairs, possible);
        int chunks = 64;
        List<Comparison> comparisons = matcher.comparisons();
        int[][][] partial = new int[chunks][][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom random = new SplittableRandom(seed + c);
            int[][] levels = emptyCounts(comparisons);
            int[] scratch = new int[matcher.comparisonCount()];
            for (int p = c; p < count; p += chunks) {
                int a = random.nextInt(n);
                int b = random.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                matcher.levels(records.get(a), records.get(b), scratch);
                for (int k = 0; k < scratch.length; k++) {
                    levels[k][scratch[k]]++;
                }
            }
            partial[c] = levels;
        });
        double[][] u = new double[comparisons.size()][];
        for (int k = 0; k < comparisons.size(); k++) {
            Comparison comparison = comparisons.get(k);
            double[] counts = new double[comparison.levelCount()];
            for (int[][] p : partial) {
                for (int level = 0; level < counts.length; level++) {
                    counts[level] += p[k][level];
                }
            }
            double total = 0;
            for (int level = 0; level < counts.length; level++) {
                if (!comparison.isNullLevel(level)) {
                    total += counts[level] + 1;
                }
            }
            u[k] = new double[counts.length];
            for (int level = 0; level < counts.length; level++) {
                // add-one smoothing: a level never seen among random pairs is rare, not impossible
                u[k][level] = comparison.isNullLevel(level) ? 0 : (counts[level] + 1) / total;
            }
        }
        return u;
    }

    /** m and lambda by EM over the candidate pairs, u fixed; keeps the base settings' thresholds. */
    public MatchSettings train(
            List<PreparedRecord> records, CandidatePairs candidates, MatchSettings base, LongConsumer progress) {
        double[][] u = estimateU(records);
        long upper = Math.max(1, candidates.upperBound());
        double sampleRate = Math.min(1.0, (double) maxTrainingPairs / upper);
        long threshold = (long) (sampleRate * Long.MAX_VALUE);
        List<Map<Long, long[]>> locals = candidates
                .forEach(
                        () -> new Object[] {new HashMap<Long, long[]>(), new int[matcher.comparisonCount()]},
                        (state, a, b) -> {
                            if (sampleRate < 1 && (mix(seed, a, b) >>> 1) > threshold) {
                                return;
                            }
                            @SuppressWarnings("unchecked")
                            Map<Long, long[]> patterns = (Map<Long, long[]>) state[0];
                            int[] scratch = (int[]) state[1];
                            matcher.levels(records.get(a), records.get(b), scratch);
                            patterns.computeIfAbsent(encode(scratch), x -> new long[1])[0]++;
                        },
                        progress)
                .stream()
                .map(state -> {
                    @SuppressWarnings("unchecked")
                    Map<Long, long[]> patterns = (Map<Long, long[]>) state[0];
                    return patterns;
                })
                .toList();
        Map<Long, Long> merged = new HashMap<>();
        long pairs = 0;
        for (Map<Long, long[]> local : locals) {
            for (Map.Entry<Long, long[]> e : local.entrySet()) {
                merged.merge(e.getKey(), e.getValue()[0], Long::sum);
                pairs += e.getValue()[0];
            }
        }
        if (merged.isEmpty()) {
            return base.withModel(
                    new FellegiSunterModel(
                            matcher.comparisons(),
                            base.toModel(matcher.comparisons()).m(),
                            u,
                            base.lambda()),
                    "u from random pairs; no candidate pairs to estimate m, so m from: " + base.description());
        }
        List<ComparisonVector> patterns = new ArrayList<>(merged.size());
        double[] counts = new double[merged.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e :
                merged.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            patterns.add(decode(e.getKey(), matcher.comparisonCount()));
            counts[i++] = e.getValue();
        }
        FellegiSunterModel trained = new ExpectationMaximisation(matcher.comparisons()).estimate(patterns, counts, u);
        long n = records.size();
        double allPairs = (double) n * (n - 1) / 2;
        double candidatePairs = pairs / sampleRate;
        double lambda = Math.min(0.5, Math.max(1e-12, trained.lambda() * candidatePairs / allPairs));
        FellegiSunterModel scaled = new FellegiSunterModel(matcher.comparisons(), trained.m(), u, lambda);
        return base.withModel(
                scaled,
                "trained unsupervised on " + n + " records: u from " + Math.min(randomPairs, (long) allPairs)
                        + " random pairs, m and lambda by EM over " + pairs + " blocked pairs (" + patterns.size()
                        + " distinct patterns)");
    }

    private static int[][] emptyCounts(List<Comparison> comparisons) {
        int[][] counts = new int[comparisons.size()][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new int[comparisons.get(k).levelCount()];
        }
        return counts;
    }

    static long encode(int[] levels) {
        long code = 0;
        for (int k = 0; k < levels.length; k++) {
            code |= (long) levels[k] << (BITS * k);
        }
        return code;
    }

    static ComparisonVector decode(long code, int size) {
        int[] levels = new int[size];
        for (int k = 0; k < size; k++) {
            levels[k] = (int) ((code >>> (BITS * k)) & ((1 << BITS) - 1));
        }
        return ComparisonVector.of(levels);
    }

    private static long mix(long seed, int a, int b) {
        long z = seed ^ (((long) a << 32) | (b & 0xffffffffL));
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}

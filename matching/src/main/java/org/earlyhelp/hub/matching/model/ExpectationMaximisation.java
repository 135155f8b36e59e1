package org.earlyhelp.hub.matching.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates a {@link FellegiSunterModel} from unlabelled pairs (e.g. those that survive blocking) by
 * expectation-maximisation. Either estimate everything, or, as Splink does, first fix u from random pairs (nearly all
 * non-matches) with {@link #estimateU(List)} and then run EM on m and lambda only. Deterministic for the same input.
 */
public final class ExpectationMaximisation {

    static final double INITIAL_LAMBDA = 0.01;
    static final double INITIAL_FIRST_LEVEL_M = 0.9;
    static final double SMOOTHING = 1e-3;
    static final double TOLERANCE = 1e-6;
    static final int MAX_ITERATIONS = 100;
    private static final double LAMBDA_BOUND = 1e-6;

    private final List<Comparison> comparisons;

    public ExpectationMaximisation(List<Comparison> comparisons) {
        this.comparisons = List.copyOf(comparisons);
    }

    /** u as the smoothed level frequencies among random pairs, treating them all as non-matches. */
    public double[][] estimateU(List<ComparisonVector> randomPairs) {
        return levelFrequencies(randomPairs, null, null, false);
    }

    /** Estimates m, u and lambda; u starts from the level frequencies among all the pairs. */
    public FellegiSunterModel estimate(List<ComparisonVector> pairs) {
        return run(pairs, levelFrequencies(pairs, null, null, false), false);
    }

    /** Estimates m and lambda only, keeping the given u (e.g. from {@link #estimateU(List)}). */
    public FellegiSunterModel estimate(List<ComparisonVector> pairs, double[][] fixedU) {
        return run(pairs, null, fixedU, true);
    }

    /**
     * As {@link #estimate(List, double[][])} over distinct patterns, each standing for {@code counts[i]} pairs: a batch
     * of millions of pairs has only thousands of distinct comparison vectors, so this is how large runs train.
     */
    public FellegiSunterModel estimate(List<ComparisonVector> patterns, double[] counts, double[][] fixedU) {
        if (counts.length != patterns.size()) {
            throw new IllegalArgumentException("one count per pattern");
        }
        return run(patterns, counts, fixedU, true);
    }

    private FellegiSunterModel run(List<ComparisonVector> pairs, double[][] initialU, boolean uFixed) {
        return run(pairs, null, initialU, uFixed);
    }

    private FellegiSunterModel run(List<ComparisonVector> pairs, double[] counts, double[][] initialU, boolean uFixed) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("EM needs at least one pair");
        }
        FellegiSunterModel model = new FellegiSunterModel(comparisons, initialM(), initialU, INITIAL_LAMBDA);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] posterior = expectation(model, pairs);
            FellegiSunterModel next = maximisation(model, pairs, counts, posterior, uFixed);
            double change = maxChange(model, next);
            model = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return model;
    }

    private static double[] expectation(FellegiSunterModel model, List<ComparisonVector> pairs) {
        double[] posterior = new double[pairs.size()];
        for (int i = 0; i < posterior.length; i++) {
            posterior[i] = model.matchProbability(pairs.get(i));
        }
        return posterior;
    }

    private FellegiSunterModel maximisation(
            FellegiSunterModel model,
            List<ComparisonVector> pairs,
            double[] counts,
            double[] posterior,
            boolean uFixed) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < posterior.length; i++) {
            double count = counts == null ? 1 : counts[i];
            sum += posterior[i] * count;
            total += count;
        }
        double lambda = Math.min(Math.max(sum / total, LAMBDA_BOUND), 1 - LAMBDA_BOUND);
        double[][] m = levelFrequencies(pairs, counts, posterior, true);
        double[][] u = uFixed ? copyU(model) : levelFrequencies(pairs, counts, posterior, false);
        return new FellegiSunterModel(comparisons, m, u, lambda);
    }

    /**
     * Smoothed frequency of each non-null level, each pair weighted by its match posterior (for m) or by one minus it
     * (for u); no posterior means weight 1. Null levels get 0 and are ignored by the model.
     */
    private double[][] levelFrequencies(
            List<ComparisonVector> pairs, double[] counts, double[] posterior, boolean forMatches) {
        double[][] frequencies = new double[comparisons.size()][];
        for (int k = 0; k < comparisons.size(); k++) {
            Comparison comparison = comparisons.get(k);
            double[] levelCounts = new double[comparison.levelCount()];
            for (int i = 0; i < pairs.size(); i++) {
                double weight = posterior == null ? 1 : forMatches ? posterior[i] : 1 - posterior[i];
                weight *= counts == null ? 1 : counts[i];
                levelCounts[pairs.get(i).level(k)] += weight;
            }
            frequencies[k] = normaliseNonNull(comparison, levelCounts);
        }
        return frequencies;
    }

    private static double[] normaliseNonNull(Comparison comparison, double[] counts) {
        double total = 0;
        for (int level = 0; level < counts.length; level++) {
            if (!comparison.isNullLevel(level)) {
                total += counts[level] + SMOOTHING;
            }
        }
        double[] result = new double[counts.length];
        for (int level = 0; level < counts.length; level++) {
            result[level] = comparison.isNullLevel(level) ? 0 : (counts[level] + SMOOTHING) / total;
        }
        return result;
    }

    /** 0.9 on the strongest level, the rest spread evenly over the other non-null levels. */
    private double[][] initialM() {
        double[][] m = new double[comparisons.size()][];
        for (int k = 0; k < comparisons.size(); k++) {
            Comparison comparison = comparisons.get(k);
            List<Integer> nonNull = new ArrayList<>();
            for (int level = 0; level < comparison.levelCount(); level++) {
                if (!comparison.isNullLevel(level)) {
                    nonNull.add(level);
                }
            }
            m[k] = new double[comparison.levelCount()];
            double rest = nonNull.size() == 1 ? 0 : (1 - INITIAL_FIRST_LEVEL_M) / (nonNull.size() - 1);
            for (int level : nonNull) {
                m[k][level] = rest;
            }
            m[k][nonNull.get(0)] = nonNull.size() == 1 ? 1 : INITIAL_FIRST_LEVEL_M;
        }
        return m;
    }

    private double[][] copyU(FellegiSunterModel model) {
        double[][] u = new double[comparisons.size()][];
        for (int k = 0; k < comparisons.size(); k++) {
            u[k] = new double[comparisons.get(k).levelCount()];
            for (int level = 0; level < u[k].length; level++) {
                u[k][level] = model.u(k, level);
            }
        }
        return u;
    }

    private double maxChange(FellegiSunterModel before, FellegiSunterModel after) {
        double change = Math.abs(before.lambda() - after.lambda());
        for (int k = 0; k < comparisons.size(); k++) {
            for (int level = 0; level < comparisons.get(k).levelCount(); level++) {
                change = Math.max(change, Math.abs(before.m(k, level) - after.m(k, level)));
                change = Math.max(change, Math.abs(before.u(k, level) - after.u(k, level)));
            }
        }
        return change;
    }
}

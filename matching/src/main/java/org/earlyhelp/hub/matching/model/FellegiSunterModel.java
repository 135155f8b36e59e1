package org.earlyhelp.hub.matching.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi-Sunter model: per comparison and level, m = P(level | match) and u = P(level | non-match), and the prior
 * lambda = P(match). Entries for null levels are ignored: a missing value contributes weight 0.
 */
public final class FellegiSunterModel {

    /** Floor on m and u so that every weight is finite. */
    public static final double FLOOR = 1e-6;

    private final List<Comparison> comparisons;
    private final double[][] m;
    private final double[][] u;
    private final double lambda;

    /**
     * @param m {@code m[k][level]} for comparison {@code k}, indexed like {@link Comparison#levels()}
     * @param u likewise
     */
    public FellegiSunterModel(List<Comparison> comparisons, double[][] m, double[][] u, double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
        }
        this.comparisons = List.copyOf(comparisons);
        this.m = checkedCopy(this.comparisons, m, "m");
        this.u = checkedCopy(this.comparisons, u, "u");
        this.lambda = lambda;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double lambda() {
        return lambda;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** A copy of all m values, {@code [comparison][level]}. */
    public double[][] m() {
        return checkedCopy(comparisons, m, "m");
    }

    /** A copy of all u values, {@code [comparison][level]}. */
    public double[][] u() {
        return checkedCopy(comparisons, u, "u");
    }

    /** {@code log2(lambda / (1 - lambda))}. */
    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    /** {@code log2(m/u)} for one comparison at one level; 0 for a null level. */
    public double weight(int comparison, int level) {
        if (comparisons.get(comparison).isNullLevel(level)) {
            return 0;
        }
        return log2(Math.max(m[comparison][level], FLOOR) / Math.max(u[comparison][level], FLOOR));
    }

    public double matchWeight(ComparisonVector vector) {
        checkSize(vector);
        double total = priorWeight();
        for (int k = 0; k < comparisons.size(); k++) {
            total += weight(k, vector.level(k));
        }
        return total;
    }

    public double matchProbability(ComparisonVector vector) {
        return probability(matchWeight(vector));
    }

    public Explanation explain(ComparisonVector vector) {
        checkSize(vector);
        List<Explanation.Contribution> contributions = new ArrayList<>(comparisons.size());
        for (int k = 0; k < comparisons.size(); k++) {
            Comparison comparison = comparisons.get(k);
            int level = vector.level(k);
            contributions.add(new Explanation.Contribution(
                    comparison.name(), comparison.levels().get(level), weight(k, level)));
        }
        return new Explanation(priorWeight(), contributions);
    }

    /** {@code 2^w / (1 + 2^w)}, computed so that large weights do not overflow. */
    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private void checkSize(ComparisonVector vector) {
        if (vector.size() != comparisons.size()) {
            throw new IllegalArgumentException(
                    "vector has " + vector.size() + " levels, model has " + comparisons.size() + " comparisons");
        }
    }

    private static double[][] checkedCopy(List<Comparison> comparisons, double[][] values, String what) {
        if (values.length != comparisons.size()) {
            throw new IllegalArgumentException(
                    what + " has " + values.length + " rows for " + comparisons.size() + " comparisons");
        }
        double[][] copy = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            if (values[k].length != comparisons.get(k).levelCount()) {
                throw new IllegalArgumentException(what + "[" + k + "] needs one entry per level of "
                        + comparisons.get(k).name());
            }
            copy[k] = values[k].clone();
        }
        return copy;
    }
}

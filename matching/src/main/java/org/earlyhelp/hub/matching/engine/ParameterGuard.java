package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.matching.engine.TrainingCheck.Status;
import org.earlyhelp.hub.matching.model.Comparison;

/**
 * Checks trained m values before they are used, so training cannot collapse silently (issue 10). Unsupervised EM finds
 * the strongest cluster in the candidate pairs; in records of families that can be the household, not the person, and
 * then an exact date of birth "means" little (m 0.009 was seen). In order, per comparison:
 *
 * <ol>
 *   <li>m is kept at or above u on every agreeing level, so agreement never counts against a match;
 *   <li>levels stay monotone: the strongest level weighs at least as much as any other, and disagreement ({@code
 *       OTHER}) no more than any agreeing level;
 *   <li>plausibility floors: exact agreement on a forename, surname, date of birth, sex or identifier must be common
 *       among matches and carry a clearly positive weight, and an exact full name must weigh at least {@value
 *       #FULL_NAME_MIN_WEIGHT}; a comparison that fails falls back to the shipped m (u stays as estimated from random
 *       pairs of this data, which cannot collapse), and the check says why, to be printed.
 * </ol>
 */
final class ParameterGuard {

    record Guarded(double[][] m, List<TrainingCheck> checks) {}

    /** Minimum m and minimum weight (bits) of a comparison's strongest level. */
    private record Floor(double minimumM, double minimumWeight) {}

    /**
     * The m floors of names and the date of birth are low on purpose: in some data a date or a surname is wrong in
     * half the true pairs or more (Splink's synthetic sets: EM finds exact m 0.38-0.40 for the date, 0.48 for the
     * surname, and the shipped m, which says they are almost never wrong, then pushes every true pair with a slip in
     * them several bits down). A household collapse gives m an order of magnitude lower (0.009 to 0.04 seen), which
     * 0.2 still catches; the weight floors and the full-name floor carry the rest.
     */
    static final Map<String, Floor> FLOORS = Map.of(
            "forename", new Floor(0.2, 3),
            "surname", new Floor(0.2, 3),
            "date_of_birth", new Floor(0.2, 6),
            "sex", new Floor(0.8, 0.5),
            "nhs_number", new Floor(0.5, 6),
            "other_identifier", new Floor(0.5, 6));

    static final double FULL_NAME_MIN_WEIGHT = 10;
    private static final double LOG2 = Math.log(2);

    private ParameterGuard() {}

    /**
     * @param m trained m, {@code [comparison][level]} (not changed)
     * @param u u from random pairs
     * @param shippedM the shipped m, for fallbacks
     * @param observed whether each comparison had a non-null level in any training pair
     */
    static Guarded guard(
            List<Comparison> comparisons, double[][] m, double[][] u, double[][] shippedM, boolean[] observed) {
        boolean[][] everyLevel = new boolean[m.length][];
        for (int k = 0; k < m.length; k++) {
            everyLevel[k] = new boolean[m[k].length];
            java.util.Arrays.fill(everyLevel[k], true);
        }
        return guard(comparisons, m, u, shippedM, observed, everyLevel);
    }

    /**
     * @param seen for each comparison and level, whether any training pair had that level: a level no pair had (a
     *     UPRN in data without UPRNs) is no comparison's strongest level
     */
    static Guarded guard(
            List<Comparison> comparisons,
            double[][] m,
            double[][] u,
            double[][] shippedM,
            boolean[] observed,
            boolean[][] seen) {
        double[][] out = new double[m.length][];
        Status[] status = new Status[m.length];
        String[] reason = new String[m.length];
        for (int k = 0; k < m.length; k++) {
            Comparison c = comparisons.get(k);
            if (!observed[k]) {
                out[k] = shippedM[k].clone();
                status[k] = Status.NOT_IN_DATA;
                reason[k] = "no pair had values on both sides; shipped m kept";
                continue;
            }
            out[k] = constrain(c, m[k], u[k], seen[k]);
            boolean changed = false;
            for (int l = 0; l < out[k].length; l++) {
                changed |= !c.isNullLevel(l) && Math.abs(out[k][l] - m[k][l]) > 1e-9 * Math.max(1, m[k][l]);
            }
            status[k] = changed ? Status.CONSTRAINED : Status.TRAINED;
            reason[k] = changed ? "m raised to u on agreeing levels or made monotone" : "";
            Floor floor = FLOORS.get(c.name());
            if (floor != null) {
                double top = out[k][0];
                double w = weight(top, u[k][0]);
                if (top < floor.minimumM() || w < floor.minimumWeight()) {
                    fallBack(
                            out,
                            status,
                            reason,
                            shippedM,
                            k,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "implausible: %s m %.3f, weight %.1f (floors m %.2f, weight %.1f); shipped m used",
                                    c.levels().get(0).name(),
                                    top,
                                    w,
                                    floor.minimumM(),
                                    floor.minimumWeight()));
                }
            }
        }
        int forename = StandardComparisons.FORENAME;
        int surname = StandardComparisons.SURNAME;
        if (comparisons.size() > surname && observed[forename] && observed[surname]) {
            double fullName = weight(out[forename][0], u[forename][0]) + weight(out[surname][0], u[surname][0]);
            if (fullName < FULL_NAME_MIN_WEIGHT) {
                String why = String.format(
                        java.util.Locale.ROOT,
                        "implausible: an exact full name weighs %.1f (floor %.1f); shipped m used",
                        fullName,
                        FULL_NAME_MIN_WEIGHT);
                for (int k : new int[] {forename, surname}) {
                    if (status[k] != Status.FELL_BACK) {
                        fallBack(out, status, reason, shippedM, k, why);
                    }
                }
            }
        }
        List<TrainingCheck> checks = new ArrayList<>();
        for (int k = 0; k < m.length; k++) {
            checks.add(new TrainingCheck(comparisons.get(k).name(), status[k], reason[k]));
        }
        return new Guarded(out, List.copyOf(checks));
    }

    private static void fallBack(
            double[][] out, Status[] status, String[] reason, double[][] shippedM, int k, String why) {
        out[k] = shippedM[k].clone();
        status[k] = Status.FELL_BACK;
        reason[k] = why;
    }

    /** {@link #constrain(Comparison, double[], double[], boolean[])} with every level seen. */
    static double[] constrain(Comparison c, double[] trained, double[] u) {
        boolean[] all = new boolean[trained.length];
        java.util.Arrays.fill(all, true);
        return constrain(c, trained, u, all);
    }

    /**
     * m >= u on agreeing levels, the strongest level seen on top and OTHER at the bottom, renormalised; a few rounds.
     * The strongest level is the first one (levels are in order of strength) that some training pair had: measuring
     * against a level no pair had (the residence comparison's UPRN in data without UPRNs, m floored to u, weight 0)
     * capped every address level at weight 0, silently, on every load without UPRNs (FEBRL: same house and postcode m
     * 0.000 where the true share is 0.50).
     */
    static double[] constrain(Comparison c, double[] trained, double[] u, boolean[] seen) {
        double[] m = trained.clone();
        int other = otherLevel(c);
        int top = -1;
        for (int l = 0; l < m.length && top < 0; l++) {
            if (seen[l] && !c.isNullLevel(l) && l != other) {
                top = l;
            }
        }
        for (int round = 0; round < 5; round++) {
            for (int l = 0; l < m.length; l++) {
                if (c.levels().get(l).isAgreement() && m[l] < u[l]) {
                    m[l] = u[l];
                }
            }
            double lowest = Double.POSITIVE_INFINITY;
            if (top >= 0) {
                double topRatio = m[top] / Math.max(u[top], 1e-12);
                for (int l = top + 1; l < m.length; l++) {
                    if (seen[l] && !c.isNullLevel(l) && l != other && m[l] / Math.max(u[l], 1e-12) > topRatio) {
                        m[l] = u[l] * topRatio;
                    }
                }
            }
            for (int l = 0; l < m.length; l++) {
                if (seen[l] && c.levels().get(l).isAgreement()) {
                    lowest = Math.min(lowest, m[l] / Math.max(u[l], 1e-12));
                }
            }
            if (other >= 0 && lowest < Double.POSITIVE_INFINITY && m[other] / Math.max(u[other], 1e-12) > lowest) {
                m[other] = u[other] * lowest;
            }
            double total = 0;
            for (int l = 0; l < m.length; l++) {
                total += c.isNullLevel(l) ? 0 : m[l];
            }
            for (int l = 0; l < m.length; l++) {
                m[l] = c.isNullLevel(l) ? 0 : m[l] / total;
            }
        }
        return m;
    }

    private static int otherLevel(Comparison c) {
        for (int l = 0; l < c.levelCount(); l++) {
            if ("OTHER".equals(c.levels().get(l).name())) {
                return l;
            }
        }
        return -1;
    }

    private static double weight(double m, double u) {
        return Math.log(Math.max(m, 1e-12) / Math.max(u, 1e-12)) / LOG2;
    }
}

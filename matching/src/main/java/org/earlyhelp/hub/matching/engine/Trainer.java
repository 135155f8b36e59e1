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

    /** Seeded random pairs of {@code records}, as distinct comparison vectors with counts. */
    RandomPairs randomPairs(List<PreparedRecord> records) {
        int n = records.size();
        long possible = (long) n * (n - 1) / 2;
        int count = (int) Math.min(randomPairs, possible);
        int chunks = 64;
        List<Comparison> comparisons = matcher.comparisons();
        List<Map<Long, long[]>> partial = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            partial.add(new HashMap<>());
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom random = new SplittableRandom(seed + c);
            Map<Long, long[]> patterns = partial.get(c);
            int[] scratch = new int[matcher.comparisonCount()];
            for (int p = c; p < count; p += chunks) {
                int a = random.nextInt(n);
                int b = random.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                matcher.levels(records.get(a), records.get(b), scratch);
                patterns.computeIfAbsent(encode(scratch), x -> new long[1])[0]++;
            }
        });
        List<Object[]> states = new ArrayList<>();
        for (Map<Long, long[]> p : partial) {
            states.add(new Object[] {p});
        }
        Session merged = Session.merge(states, 0, comparisons.size());
        return new RandomPairs(merged.patterns, merged.counts);
    }

    /**
     * Random pairs as patterns. Random pairs are nearly all non-matches, but not all: in a file of a thousand records
     * with five hundred duplicate pairs one random pair in a thousand is a match, and matches agree on an exact date of
     * birth tens of times as often as strangers do, so u counted over every random pair is several times too high and
     * agreement weighs bits too little (the model is then underconfident, and the best threshold is below the Bayes
     * decision). {@link #u(List, FellegiSunterModel)} given a model counts each random pair by the probability that it
     * is NOT a match: a random pair that agrees on everything leaves u, a stranger agreeing on a date of birth stays.
     * Per pair, not by subtracting lambda times m from the totals: that is only as good as a global lambda and m, and
     * overshoots where they are off.
     */
    record RandomPairs(List<ComparisonVector> patterns, double[] counts) {

        double[][] u(List<Comparison> comparisons, FellegiSunterModel model) {
            double[] weights = counts.clone();
            if (model != null) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] *= 1 - model.matchProbability(patterns.get(i));
                }
            }
            double[][] u = new double[comparisons.size()][];
            for (int k = 0; k < comparisons.size(); k++) {
                Comparison comparison = comparisons.get(k);
                double[] levelCounts = new double[comparison.levelCount()];
                for (int i = 0; i < weights.length; i++) {
                    levelCounts[patterns.get(i).level(k)] += weights[i];
                }
                double total = 0;
                for (int level = 0; level < levelCounts.length; level++) {
                    if (!comparison.isNullLevel(level)) {
                        total += levelCounts[level] + 1;
                    }
                }
                u[k] = new double[levelCounts.length];
                for (int level = 0; level < levelCounts.length; level++) {
                    // add-one smoothing: a level never seen among random pairs is rare, not impossible
                    u[k][level] = comparison.isNullLevel(level) ? 0 : (levelCounts[level] + 1) / total;
                }
            }
            return u;
        }
    }

    /**
     * m and lambda by EM, u fixed; keeps the base settings' thresholds.
     *
     * <p>Why two sessions, as Splink trains: EM over all blocked pairs finds the strongest cluster in the data, and in
     * records of families that is the HOUSEHOLD (same surname, address and phone, different forename and date of
     * birth), not the person; it then learns that a different forename is what a match looks like. Session A takes the
     * candidate pairs with the same date of birth (relatives rarely share one; twins are few) and estimates m for every
     * comparison but the date of birth; session B takes the pairs with the same forename and surname and estimates m
     * for the date of birth. A session with too few pairs falls back to all candidate pairs.
     */
    /** Trained settings and what the guard did with each comparison's parameters. */
    public record Trained(MatchSettings settings, List<TrainingCheck> checks) {}

    public Trained train(
            List<PreparedRecord> records, CandidatePairs candidates, MatchSettings base, LongConsumer progress) {
        RandomPairs random = randomPairs(records);
        double[][] u = random.u(matcher.comparisons(), null);
        long upper = Math.max(1, candidates.upperBound());
        double sampleRate = Math.min(1.0, (double) maxTrainingPairs / upper);
        long threshold = (long) (sampleRate * Long.MAX_VALUE);
        int dob = StandardComparisons.DATE_OF_BIRTH;
        int exactDob = org.earlyhelp.hub.matching.compare.DateOfBirthComparator.Level.EXACT.ordinal();
        int exactName = org.earlyhelp.hub.matching.compare.NameComparator.Level.EXACT.ordinal();
        List<Object[]> states = candidates.forEach(
                () -> new Object[] {
                    new HashMap<Long, long[]>(),
                    new HashMap<Long, long[]>(),
                    new HashMap<Long, long[]>(),
                    new int[matcher.comparisonCount()]
                },
                (state, a, b) -> {
                    if (sampleRate < 1 && (mix(seed, a, b) >>> 1) > threshold) {
                        return;
                    }
                    int[] scratch = (int[]) state[3];
                    matcher.levels(records.get(a), records.get(b), scratch);
                    long code = encode(scratch);
                    add(state[0], code);
                    if (scratch[dob] == exactDob) {
                        add(state[1], code);
                    }
                    if (scratch[StandardComparisons.FORENAME] == exactName
                            && scratch[StandardComparisons.SURNAME] == exactName) {
                        add(state[2], code);
                    }
                },
                progress);
        Session all = Session.merge(states, 0, matcher.comparisonCount());
        if (all.pairs == 0) {
            List<TrainingCheck> none = new ArrayList<>();
            for (Comparison c : matcher.comparisons()) {
                none.add(new TrainingCheck(c.name(), TrainingCheck.Status.SHIPPED, "no candidate pairs to train m on"));
            }
            return new Trained(
                    base.withModel(
                            new FellegiSunterModel(
                                    matcher.comparisons(),
                                    base.toModel(matcher.comparisons()).m(),
                                    u,
                                    base.lambda()),
                            "u from random pairs; no candidate pairs to estimate m, so m from: " + base.description()),
                    List.copyOf(none));
        }
        Session sameDob = Session.merge(states, 1, matcher.comparisonCount());
        Session sameName = Session.merge(states, 2, matcher.comparisonCount());
        long n = records.size();
        double allPairs = (double) n * (n - 1) / 2;
        Fit fit = fit(all, sameDob, sameName, u, base, sampleRate, allPairs);
        for (int round = 0; round < U_ROUNDS; round++) {
            // u again, from the random pairs this model reads as non-matches; then m and lambda again with it
            u = random.u(matcher.comparisons(), fit.model());
            fit = fit(all, sameDob, sameName, u, base, sampleRate, allPairs);
        }
        boolean sessions = fit.sessions();
        ParameterGuard.Guarded guarded = fit.guarded();
        FellegiSunterModel scaled = fit.model();
        long fellBack = guarded.checks().stream()
                .filter(c -> c.status() == TrainingCheck.Status.FELL_BACK)
                .count();
        return new Trained(
                base.withModel(
                                scaled,
                                "trained unsupervised on " + n + " records: u from "
                                        + Math.min(randomPairs, (long) allPairs)
                                        + " random pairs, m and lambda by EM "
                                        + (sessions
                                                ? "in two sessions (" + sameDob.pairs
                                                        + " blocked pairs with the same date of birth"
                                                        + " for all but the date of birth, " + sameName.pairs
                                                        + " with the same forename and surname for the date of birth)"
                                                : "over " + all.pairs + " blocked pairs (" + all.patterns.size()
                                                        + " distinct patterns)")
                                        + (fellBack == 0
                                                ? ""
                                                : "; " + fellBack + " comparisons failed a plausibility floor and use"
                                                        + " the shipped m"))
                        .withPriorRecords(Math.max(2, n)),
                guarded.checks());
    }

    /** Rounds of u from the random pairs a model reads as non-matches (see {@link RandomPairs}). */
    static final int U_ROUNDS = 2;

    private record Fit(FellegiSunterModel model, ParameterGuard.Guarded guarded, boolean sessions) {}

    /** m by EM in sessions, guarded, and the prior they imply, for one u. */
    private Fit fit(
            Session all,
            Session sameDob,
            Session sameName,
            double[][] u,
            MatchSettings base,
            double sampleRate,
            double allPairs) {
        int dob = StandardComparisons.DATE_OF_BIRTH;
        int exactDob = org.earlyhelp.hub.matching.compare.DateOfBirthComparator.Level.EXACT.ordinal();
        int exactName = org.earlyhelp.hub.matching.compare.NameComparator.Level.EXACT.ordinal();
        boolean sessions = sameDob.pairs >= MIN_SESSION_PAIRS && sameName.pairs >= MIN_SESSION_PAIRS;
        double[][] m;
        if (sessions) {
            // within a session the blocked-on comparison always agrees: u set to always agreeing makes it weigh 0,
            // otherwise its constant weight would read every pair of the session as a match
            FellegiSunterModel a = sameDob.estimate(matcher, agreeing(u, dob, exactDob));
            FellegiSunterModel b = sameName.estimate(
                    matcher,
                    agreeing(
                            agreeing(u, StandardComparisons.FORENAME, exactName),
                            StandardComparisons.SURNAME,
                            exactName));
            m = a.m();
            m[dob] = b.m()[dob];
        } else {
            m = all.estimate(matcher, u).m();
        }
        floor(m, u);
        ParameterGuard.Guarded guarded = ParameterGuard.guard(
                matcher.comparisons(),
                m,
                u,
                base.toModel(matcher.comparisons()).m(),
                all.observed(matcher.comparisons()),
                all.levelsSeen(matcher.comparisons()));
        // the prior from the guarded parameters: the share of matches among the blocked pairs, scaled to all pairs
        double lambda = priorOverAll(all, guarded.m(), u, allPairs, sampleRate);
        return new Fit(new FellegiSunterModel(matcher.comparisons(), guarded.m(), u, lambda), guarded, sessions);
    }

    /**
     * The prior over all pairs, by EM on lambda alone with m and u held: what prior these parameters imply for this
     * data. A pair's posterior is {@code lambda m / (lambda m + (1 - lambda) u)} with u from random pairs, so lambda
     * must be the prior over ALL pairs, the population u describes; the pairs blocking did not compare count as
     * non-matches (they share no blocking key). Estimating the share among the blocked pairs instead, with the same u,
     * reads every blocked stranger (who shares a surname and a birthday by construction) as far likelier a match than
     * it is: that overestimated the prior 2 to 4 times (fake_20000: 0.000644 against a true 0.000166), two bits of
     * overconfidence on every pair. Without rules or term frequencies (they would need the records, not patterns).
     *
     * @param allPairs pairs of records in the load
     * @param sampleRate the share of the blocked pairs {@code session} holds
     */
    static double priorOverAll(Session session, double[][] m, double[][] u, double allPairs, double sampleRate) {
        int n = session.patterns.size();
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double log = 0;
            ComparisonVector v = session.patterns.get(i);
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
        double blocked = session.pairs / sampleRate;
        double lambda = Math.min(0.5, Math.max(1e-12, 0.1 * blocked / Math.max(allPairs, 1)));
        for (int iteration = 0; iteration < 1000 && blocked > 0; iteration++) {
            double matches = 0;
            for (int i = 0; i < n; i++) {
                double odds = lambda / (1 - lambda) * ratio[i];
                matches += session.counts[i] * (Double.isInfinite(odds) ? 1 : odds / (1 + odds));
            }
            double next = Math.min(0.5, Math.max(1e-12, matches / sampleRate / allPairs));
            if (Math.abs(next - lambda) < 1e-7 * lambda) {
                lambda = next;
                break;
            }
            lambda = next;
        }
        return lambda;
    }

    private static final long MIN_SESSION_PAIRS = 200;

    /**
     * No level of a comparison gets m below {@value #M_FLOOR}: EM drives a level it rarely sees among matches (a phone
     * that differs, the same postcode but another house) to m near 0, a weight of -15 or -20 that no other evidence
     * can overcome, learnt from a handful of pairs. (Renormalised after.)
     */
    static final double M_FLOOR = 0.005;

    private void floor(double[][] m, double[][] u) {
        List<Comparison> list = matcher.comparisons();
        for (int k = 0; k < m.length; k++) {
            double total = 0;
            for (int l = 0; l < m[k].length; l++) {
                if (!list.get(k).isNullLevel(l)) {
                    // never above u: the floor may only soften disagreement, not invent agreement
                    m[k][l] = Math.max(m[k][l], Math.min(M_FLOOR, u[k][l]));
                    total += m[k][l];
                }
            }
            for (int l = 0; l < m[k].length; l++) {
                m[k][l] = list.get(k).isNullLevel(l) ? 0 : m[k][l] / total;
            }
        }
    }

    private static double[][] agreeing(double[][] u, int k, int level) {
        double[][] copy = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            copy[i] = u[i].clone();
        }
        for (int l = 0; l < copy[k].length; l++) {
            copy[k][l] = l == level ? 1 : 0;
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object map, long code) {
        ((Map<Long, long[]>) map).computeIfAbsent(code, x -> new long[1])[0]++;
    }

    /** Distinct comparison vectors with counts, in a deterministic order. */
    private static final class Session {
        final List<ComparisonVector> patterns = new ArrayList<>();
        double[] counts;
        long pairs;

        @SuppressWarnings("unchecked")
        static Session merge(List<Object[]> states, int slot, int size) {
            Map<Long, Long> merged = new HashMap<>();
            Session session = new Session();
            for (Object[] state : states) {
                for (Map.Entry<Long, long[]> e : ((Map<Long, long[]>) state[slot]).entrySet()) {
                    merged.merge(e.getKey(), e.getValue()[0], Long::sum);
                    session.pairs += e.getValue()[0];
                }
            }
            session.counts = new double[merged.size()];
            int i = 0;
            for (Map.Entry<Long, Long> e : merged.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                session.patterns.add(decode(e.getKey(), size));
                session.counts[i++] = e.getValue();
            }
            return session;
        }

        /** For each comparison and level, whether any pair had it. */
        boolean[][] levelsSeen(List<Comparison> comparisons) {
            boolean[][] seen = new boolean[comparisons.size()][];
            for (int k = 0; k < seen.length; k++) {
                seen[k] = new boolean[comparisons.get(k).levelCount()];
            }
            for (ComparisonVector v : patterns) {
                for (int k = 0; k < seen.length; k++) {
                    seen[k][v.level(k)] = true;
                }
            }
            return seen;
        }

        /** For each comparison, whether any pair had a non-null level (values on both sides). */
        boolean[] observed(List<Comparison> comparisons) {
            boolean[] seen = new boolean[comparisons.size()];
            for (ComparisonVector v : patterns) {
                for (int k = 0; k < seen.length; k++) {
                    seen[k] |= !comparisons.get(k).isNullLevel(v.level(k));
                }
            }
            return seen;
        }

        FellegiSunterModel estimate(StandardMatcher matcher, double[][] u) {
            return new ExpectationMaximisation(matcher.comparisons()).estimate(patterns, counts, u);
        }
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

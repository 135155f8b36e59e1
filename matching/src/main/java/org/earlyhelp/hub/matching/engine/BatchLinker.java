package org.earlyhelp.hub.matching.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Deduplicates and links a whole load of records: prepare each record once, train on the load (unless told to use the
 * given settings as they are), score every blocked candidate pair in parallel, and cluster the links.
 *
 * <p>Clustering is union-find over the links in descending weight (deterministic-rule links first), refusing any union
 * that would put two records the twins or relatives rule keeps apart into one cluster. Only pairs at or above the review threshold
 * (and twins pairs) are kept in memory, so memory grows with the records and their links, not with the pairs compared.
 */
public final class BatchLinker {

    /**
     * @param train estimate m, u and lambda from the input (Splink-style, unsupervised) rather than use the settings'
     * @param maxBlockSize a blocking key shared by more records than this is skipped (and counted)
     * @param seed for the random pairs that estimate u
     * @param randomPairs how many random pairs estimate u
     * @param maxTrainingPairs candidate pairs beyond this are sampled for EM
     * @param adaptiveThreshold link by the {@link LinkRule} rather than the settings' thresholds as given
     * @param households whether the load holds households, or null to measure it ({@link HouseholdShare}); the person
     *     index's loads and relinks say true, as the index itself decides every arriving record with the household rules
     */
    public record Options(
            boolean train,
            int maxBlockSize,
            long seed,
            int randomPairs,
            long maxTrainingPairs,
            boolean adaptiveThreshold,
            Boolean households) {
        public Options(
                boolean train,
                int maxBlockSize,
                long seed,
                int randomPairs,
                long maxTrainingPairs,
                boolean adaptiveThreshold) {
            this(train, maxBlockSize, seed, randomPairs, maxTrainingPairs, adaptiveThreshold, null);
        }

        public static Options defaults() {
            return new Options(true, 1000, 42, 1_000_000, 5_000_000, true);
        }

        public Options withTrain(boolean value) {
            return new Options(value, maxBlockSize, seed, randomPairs, maxTrainingPairs, adaptiveThreshold, households);
        }

        /**
         * Link by the {@link LinkRule} (the default; trained or not): at a match probability under the load's own
         * prior, as the person index does, instead of the settings' thresholds as given. Off when the caller gives
         * thresholds of its own ({@code link --link-threshold}).
         */
        public Options withAdaptiveThreshold(boolean value) {
            return new Options(train, maxBlockSize, seed, randomPairs, maxTrainingPairs, value, households);
        }

        /** Households assumed (true or false) rather than measured; null measures them. */
        public Options withHouseholds(Boolean value) {
            return new Options(train, maxBlockSize, seed, randomPairs, maxTrainingPairs, adaptiveThreshold, value);
        }
    }

    /**
     * Fewer records than this and the load is not trained on: the shipped settings and thresholds are used, as with
     * {@code --no-train}. u needs random pairs of strangers to see rare agreements (an exact date of birth, about 1 in
     * 30,000 pairs) and EM needs matches among the candidate pairs; on a file of six records training made an exact
     * forename, surname, date of birth and house weigh less than the threshold.
     */
    public static final int MIN_TRAINING_RECORDS = 500;

    /** Told how far each stage has got; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void update(String stage, long done, long total);

        Progress NONE = (stage, done, total) -> {};
    }

    /** A pair for clerical review, with the reasons. */
    public record ReviewPair(PersonRecord first, PersonRecord second, PairScore score) {}

    /**
     * @param pairsCompared candidate pairs scored (each once, however many rules found it)
     * @param blocksSkipped blocks over the size cap, not compared
     * @param pairsInSkippedBlocks the pairs those blocks would have given
     * @param unionsRefused links not followed because they would have merged twins
     * @param tooCloseToCall records held out of every cluster as too close to call between two people ({@link
     *     LinkRule#ambiguous}); their pairs are in the review pairs
     */
    public record Counts(
            long records,
            long pairsCompared,
            long links,
            long reviews,
            long twins,
            long blocksSkipped,
            long pairsInSkippedBlocks,
            long unionsRefused,
            int clusters,
            long tooCloseToCall) {}

    /** The outcome of a run. {@code clusterIds[i]} is the cluster of {@code records.get(i)}, numbered from 0. */
    public static final class Result {
        private final List<PersonRecord> records;
        private final int[] clusterIds;
        private final List<ReviewPair> reviewPairs;
        private final MatchSettings settings;
        private final Counts counts;
        private final Map<String, Duration> timings;
        private final KeptPairs kept;
        private final StandardMatcher matcher;
        private final List<TrainingCheck> checks;
        private final double householdShare;
        private final boolean households;

        Result(
                List<PersonRecord> records,
                int[] clusterIds,
                List<ReviewPair> reviewPairs,
                MatchSettings settings,
                Counts counts,
                Map<String, Duration> timings,
                KeptPairs kept,
                StandardMatcher matcher,
                List<TrainingCheck> checks,
                double householdShare,
                boolean households) {
            this.householdShare = householdShare;
            this.households = households;
            this.matcher = matcher;
            this.checks = checks;
            this.records = records;
            this.clusterIds = clusterIds;
            this.reviewPairs = reviewPairs;
            this.settings = settings;
            this.counts = counts;
            this.timings = timings;
            this.kept = kept;
        }

        public List<PersonRecord> records() {
            return records;
        }

        public int[] clusterIds() {
            return clusterIds.clone();
        }

        public int clusterOf(int recordIndex) {
            return clusterIds[recordIndex];
        }

        public List<ReviewPair> reviewPairs() {
            return reviewPairs;
        }

        /** The settings scored with: the trained ones when training. */
        public MatchSettings settings() {
            return settings;
        }

        public Counts counts() {
            return counts;
        }

        /**
         * Among candidate pairs at one address, the share that are clearly different people (NaN if none): at or above
         * 0.2, or with fewer than 30 such pairs to tell, the load is read as holding households ({@link
         * #holdsHouseholds()}).
         */
        public double householdShare() {
            return householdShare;
        }

        /** Whether the household rules were on: as measured, or as the caller said ({@link Options#households()}). */
        public boolean holdsHouseholds() {
            return households;
        }

        /** Per comparison, whether its parameters were trained, constrained, fell back or shipped, and why. */
        public List<TrainingCheck> trainingChecks() {
            return checks;
        }

        /** Wall-clock time per stage, in order. */
        public Map<String, Duration> timings() {
            return timings;
        }

        /**
         * The clusters another link threshold would give, from the pairs kept (those at or above the review threshold),
         * without scoring again: for threshold sweeps. Thresholds below the review threshold act as the review threshold.
         */
        public int[] clusterIdsAt(double linkThreshold) {
            return kept.cluster(records.size(), linkThreshold, new long[1]);
        }

        /** The records the ambiguity rule ({@link LinkRule#ambiguous}) holds out of every cluster at a link threshold. */
        public Set<Integer> ambiguousAt(double linkThreshold) {
            Set<Integer> ambiguous = new HashSet<>();
            kept.cluster(records.size(), linkThreshold, new long[1], ambiguous);
            return ambiguous;
        }

        /** What {@link #forEachKeptPair} is given for each kept pair: record indexes, match weight and deciding rule. */
        @FunctionalInterface
        public interface KeptPairVisitor {
            void visit(int first, int second, double weight, Rule rule);
        }

        /**
         * Every pair kept after scoring (those at or above the review threshold, and those a deterministic rule decided),
         * in a deterministic order: for threshold sweeps against a ground truth.
         */
        public void forEachKeptPair(KeptPairVisitor visitor) {
            Rule[] rules = Rule.values();
            for (int p = 0; p < kept.size; p++) {
                visitor.visit(kept.first[p], kept.second[p], kept.weight[p], rules[kept.rule[p]]);
            }
        }

        /**
         * For each record, the other record of its cluster it has the strongest link with (deterministic-rule links
         * first), or -1 for a record alone in its cluster: the link that best explains why it is there.
         */
        public int[] strongestLinks() {
            int[] partner = new int[records.size()];
            double[] strength = new double[records.size()];
            Arrays.fill(partner, -1);
            Arrays.fill(strength, Double.NEGATIVE_INFINITY);
            double threshold = settings.linkThreshold();
            for (int p = 0; p < kept.size; p++) {
                int a = kept.first[p];
                int b = kept.second[p];
                boolean link = Rule.values()[kept.rule[p]].links(kept.weight[p], threshold);
                if (!link || clusterIds[a] != clusterIds[b]) {
                    continue;
                }
                double s = kept.strength(p);
                if (s > strength[a]) {
                    strength[a] = s;
                    partner[a] = b;
                }
                if (s > strength[b]) {
                    strength[b] = s;
                    partner[b] = a;
                }
            }
            return partner;
        }

        /** Scores two of the records again, with the settings and term frequencies of the run: for explanations. */
        public PairScore score(int first, int second) {
            return matcher.score(records.get(first), records.get(second));
        }
    }

    private final MatchSettings settings;
    private final Options options;

    public BatchLinker(MatchSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    public Result link(List<PersonRecord> records, Progress progress) {
        Map<String, Duration> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        StandardMatcher base = new StandardMatcher(settings);
        List<PreparedRecord> prepared =
                records.parallelStream().map(base::prepare).toList();
        CountedTermFrequencies frequencies = CountedTermFrequencies.count(prepared);
        progress.update("prepare", records.size(), records.size());
        start = lap(timings, "prepare", start);

        CandidatePairs candidates = new CandidatePairs(prepared, base.blocking(), options.maxBlockSize());
        start = lap(timings, "block", start);
        HouseholdShare.Measure measured = HouseholdShare.measure(base, prepared, candidates);
        double householdShare = measured.share();
        boolean households = options.households() != null ? options.households() : measured.holds();
        base = base.withHouseholds(households);

        MatchSettings used = settings;
        List<TrainingCheck> checks = base.comparisons().stream()
                .map(c -> new TrainingCheck(c.name(), TrainingCheck.Status.SHIPPED, "settings used as given"))
                .toList();
        boolean trains = options.train() && records.size() >= MIN_TRAINING_RECORDS;
        if (options.train() && !trains) {
            checks = base.comparisons().stream()
                    .map(c -> new TrainingCheck(
                            c.name(),
                            TrainingCheck.Status.SHIPPED,
                            "too few records to train on (fewer than " + MIN_TRAINING_RECORDS + "): shipped settings"))
                    .toList();
        }
        if (trains) {
            Trainer trainer = new Trainer(base, options.seed(), options.randomPairs(), options.maxTrainingPairs());
            long upper = candidates.upperBound();
            Trainer.Trained trained =
                    trainer.train(prepared, candidates, settings, done -> progress.update("train", done, upper));
            used = trained.settings();
            checks = trained.checks();
            start = lap(timings, "train", start);
        }
        if (options.adaptiveThreshold()) {
            used = LinkRule.apply(used, records.size(), households);
        }
        StandardMatcher matcher = base.with(used, frequencies);

        long upper = candidates.upperBound();
        double keepFrom = used.reviewThreshold();
        List<long[]> compared = new ArrayList<>();
        List<KeptPairs> locals = candidates.forEach(
                () -> new KeptPairs(matcher.comparisonCount()),
                (local, a, b) -> local.score(matcher, prepared.get(a), prepared.get(b), a, b, keepFrom),
                done -> progress.update("score", done, upper));
        KeptPairs kept = KeptPairs.merge(locals);
        start = lap(timings, "score", start);

        long[] refused = new long[1];
        Set<Integer> ambiguous = new HashSet<>();
        int[] clusterIds = kept.cluster(records.size(), used.linkThreshold(), refused, ambiguous);
        List<ReviewPair> reviews = new ArrayList<>();
        long links = 0;
        long twins = 0;
        for (int p = 0; p < kept.size; p++) {
            Rule rule = Rule.values()[kept.rule[p]];
            Outcome outcome = matcher.outcome(rule, kept.weight[p]);
            if (rule.keepsApart()) {
                twins++;
            } else if (outcome == Outcome.LINK && !heldAsAmbiguous(kept, p, rule, ambiguous)) {
                links++;
            } else if ((outcome == Outcome.REVIEW || outcome == Outcome.LINK)
                    && clusterIds[kept.first[p]] != clusterIds[kept.second[p]]) {
                PreparedRecord a = prepared.get(kept.first[p]);
                PreparedRecord b = prepared.get(kept.second[p]);
                reviews.add(new ReviewPair(a.record(), b.record(), matcher.score(a, b)));
            }
        }
        lap(timings, "cluster", start);
        int clusters =
                clusterIds.length == 0 ? 0 : Arrays.stream(clusterIds).max().getAsInt() + 1;
        Counts counts = new Counts(
                records.size(),
                kept.compared,
                links,
                reviews.size(),
                twins,
                candidates.blocksSkipped(),
                candidates.pairsInSkippedBlocks(),
                refused[0],
                clusters,
                ambiguous.size());
        return new Result(
                List.copyOf(records),
                clusterIds,
                reviews,
                used,
                counts,
                timings,
                kept,
                matcher,
                checks,
                householdShare,
                households);
    }

    /** A link the ambiguity rule held for review: a record too close to call between two people (LinkRule). */
    private static boolean heldAsAmbiguous(KeptPairs kept, int p, Rule rule, Set<Integer> ambiguous) {
        return !rule.linksWhateverTheWeight()
                && (ambiguous.contains(kept.first[p]) || ambiguous.contains(kept.second[p]));
    }

    private static long lap(Map<String, Duration> timings, String stage, long start) {
        long now = System.nanoTime();
        timings.put(stage, Duration.ofNanos(now - start));
        return now;
    }
}

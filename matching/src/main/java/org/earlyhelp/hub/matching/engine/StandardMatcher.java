package org.earlyhelp.hub.matching.engine;

import static org.earlyhelp.hub.matching.engine.StandardComparisons.ADDRESS;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.COUNT;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.DATE_OF_BIRTH;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.FORENAME;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.NHS_NUMBER;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.OTHER_IDENTIFIER;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.SURNAME;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.UPN;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.matching.compare.DateOfBirthComparator;
import org.earlyhelp.hub.matching.compare.ExactComparator;
import org.earlyhelp.hub.matching.compare.IdentifierComparator;
import org.earlyhelp.hub.matching.compare.NameComparator;
import org.earlyhelp.hub.matching.compare.ResidenceComparator;
import org.earlyhelp.hub.matching.model.Comparison;
import org.earlyhelp.hub.matching.model.Explanation;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * The hub's matcher. In order: the same valid NHS number and date of birth links; the same valid UPN between two
 * education records links; the twins rule refuses a link; otherwise the Fellegi-Sunter weight (with term-frequency
 * adjustment of exact forename and surname agreement) is held against the link and review thresholds.
 *
 * <p>Twins rule: a surname that agrees (exactly, phonetically or as a near spelling: one partner's slip does not make
 * twins one person), the same date of birth, the same address (same UPRN, or the same house and street with no
 * disagreeing postcode) and a forename that is clearly different (not a nickname, a sound-alike, a near spelling or a
 * middle name). It gives way only to an agreeing NHS number or other identifier: twins never share one, so those
 * records are one person with a forename recorded differently (the NHS rule runs first anyway).
 *
 * <p>Relatives rule: a clearly different forename (not a nickname, sound-alike, near spelling, swap or middle name) AND
 * a date of birth that differs by more than a keying slip (not a one-digit typo, a day/month transposition or within a
 * month; in the same household, anything but exact or transposed), with no agreeing NHS number or other identifier, is
 * never linked, however much else agrees. In the same household, two different valid NHS numbers, or a clearly
 * different forename with the day and month transposed, are relatives too ({@link HouseholdMembers}). Parents,
 * children and siblings share surname, address, postcode, phone and often e-mail; those fields say "same household",
 * not "same person". The pair is NO_LINK rather than REVIEW: every family in the index would otherwise put each of
 * its member pairs in front of a clerk, and a true match that got both the forename and the date of birth wrong,
 * with no identifier, is rarer than one in a thousand matches (measured in {@code docs/benchmarks.md}). It only
 * applies when the weight would have reached the review threshold; below that the pair is an ordinary NO_LINK. Like
 * twins, such a pair also keeps the two records' clusters apart.
 *
 * <p>Household-only rule: when neither the forename nor the date of birth agrees at any level (each different or
 * missing) and no identifier agrees, the pair is never linked (see {@link Rule#HOUSEHOLD_ONLY}); nor, in one household,
 * when the forename only sounds alike and there is no date of birth to compare (siblings of similar names).
 *
 * <p>Thread-safe; prepare each record once with {@link #prepare(PersonRecord)} when scoring it many times.
 */
public final class StandardMatcher implements PairMatcher {

    private static final double LOG2 = Math.log(2);

    private final MatchSettings settings;
    private final StandardComparisons comparisons;
    private final FellegiSunterModel model;
    private final TermFrequencies termFrequencies;
    private final Blocking blocking;
    private final double[][] weights;
    private final double prior;
    private final boolean households;

    public StandardMatcher(MatchSettings settings) {
        this(settings, TermFrequencies.NONE);
    }

    public StandardMatcher(MatchSettings settings, TermFrequencies termFrequencies) {
        this(settings, termFrequencies, Blocking.standard(), new StandardComparisons(NameComparator.standard()));
    }

    StandardMatcher(
            MatchSettings settings,
            TermFrequencies termFrequencies,
            Blocking blocking,
            StandardComparisons comparisons) {
        this(settings, termFrequencies, blocking, comparisons, true);
    }

    private StandardMatcher(
            MatchSettings settings,
            TermFrequencies termFrequencies,
            Blocking blocking,
            StandardComparisons comparisons,
            boolean households) {
        this.households = households;
        this.settings = settings;
        this.comparisons = comparisons;
        this.termFrequencies = termFrequencies;
        this.blocking = blocking;
        this.model = settings.toModel(comparisons.comparisons());
        this.weights = new double[COUNT][];
        for (int k = 0; k < COUNT; k++) {
            weights[k] = new double[comparisons.comparisons().get(k).levelCount()];
            for (int level = 0; level < weights[k].length; level++) {
                weights[k][level] = model.weight(k, level);
            }
        }
        this.prior = model.priorWeight();
    }

    /** With the shipped {@link MatchSettings#standard() settings} and no term-frequency adjustment. */
    public static StandardMatcher standard() {
        return new StandardMatcher(MatchSettings.standard());
    }

    /** The same comparators and blocking with other settings or term frequencies. */
    public StandardMatcher with(MatchSettings newSettings, TermFrequencies newFrequencies) {
        return new StandardMatcher(newSettings, newFrequencies, blocking, comparisons, households);
    }

    /**
     * The same matcher with the household rules (twins, relatives, household-only) on or off. On by default (the hub's
     * partners record families); the batch linker turns them off for data where records at one address are almost
     * never clearly different people ({@link HouseholdShare}), since there "same house, another forename" or "another
     * date of birth" is a keying error, not a relative (FEBRL3: 259 true pairs were refused as twins, none false).
     */
    public StandardMatcher withHouseholds(boolean value) {
        return new StandardMatcher(settings, termFrequencies, blocking, comparisons, value);
    }

    public boolean households() {
        return households;
    }

    /**
     * With the {@link LinkRule} applied for {@code records} records: the prior read for that size and the rule's
     * thresholds (household ones when the household rules are on, as in the person index).
     */
    @Override
    public StandardMatcher forRecords(long records) {
        return with(LinkRule.apply(settings, records, households), termFrequencies);
    }

    public MatchSettings settings() {
        return settings;
    }

    @Override
    public ModelStamp stamp() {
        return ModelStamp.of(settings);
    }

    public FellegiSunterModel model() {
        return model;
    }

    public List<Comparison> comparisons() {
        return comparisons.comparisons();
    }

    public Blocking blocking() {
        return blocking;
    }

    public PreparedRecord prepare(PersonRecord record) {
        return comparisons.prepare(record);
    }

    @Override
    public PairScore score(PersonRecord a, PersonRecord b) {
        return score(prepare(a), prepare(b));
    }

    public PairScore score(PreparedRecord a, PreparedRecord b) {
        int[] levels = new int[COUNT];
        comparisons.levels(a, b, levels);
        double weight = weight(levels, a);
        Rule rule = rule(levels, a, b, weight);
        return new PairScore(
                outcome(rule, weight), rule, weight, MatchSettings.probabilityOf(weight), explain(levels, a));
    }

    @Override
    public Set<String> blockingKeys(PersonRecord record) {
        return blocking.keys(prepare(record));
    }

    /** Grades a pair into {@code levels} (length {@link #comparisonCount()}) without allocating. */
    void levels(PreparedRecord a, PreparedRecord b, int[] levels) {
        comparisons.levels(a, b, levels);
    }

    int comparisonCount() {
        return COUNT;
    }

    Outcome outcome(Rule rule, double weight) {
        return switch (rule) {
            case NHS_NUMBER_AND_DATE_OF_BIRTH, UPN_BETWEEN_EDUCATION_RECORDS -> Outcome.LINK;
            case TWINS, RELATIVES, HOUSEHOLD_ONLY -> Outcome.NO_LINK;
            case PROBABILISTIC ->
                weight >= settings.linkThreshold()
                        ? Outcome.LINK
                        : weight >= settings.reviewThreshold() ? Outcome.REVIEW : Outcome.NO_LINK;
        };
    }

    /**
     * Whether a pair below the review threshold is still relatives, to keep the two clusters apart. {@link #rule}
     * reads relatives only from the review threshold (below it nothing links the pair anyway), but in a batch the
     * pair's clusters may be joined through other records: without the veto, the batch linker's clusters joined
     * relatives the hub's index would keep apart (simulator, link at its defaults: precision 0.998 at weight 6.6,
     * 0.9996 with the veto measured from weight -10).
     */
    boolean relativesBelowReview(int[] levels) {
        return households && relatives(levels);
    }

    /** Which rule decides a graded pair of the given match weight. */
    Rule rule(int[] levels, PreparedRecord a, PreparedRecord b, double weight) {
        if (levels[NHS_NUMBER] == ExactComparator.Level.EXACT.ordinal()
                && levels[DATE_OF_BIRTH] == DateOfBirthComparator.Level.EXACT.ordinal()) {
            return Rule.NHS_NUMBER_AND_DATE_OF_BIRTH;
        }
        if (levels[UPN] == ExactComparator.Level.EXACT.ordinal()) {
            return Rule.UPN_BETWEEN_EDUCATION_RECORDS;
        }
        if (households && twins(levels)) {
            return Rule.TWINS;
        }
        if (weight < settings.reviewThreshold()) {
            return Rule.PROBABILISTIC;
        }
        if (households && relatives(levels)) {
            return Rule.RELATIVES;
        }
        // twins, relatives and household members are told apart only where the records hold households: elsewhere a
        // clearly different forename beside the same surname, date and house is a keying error (FEBRL3: 259 true pairs
        // refused as twins, no false one; fake_20000: 624 true pairs refused as relatives)
        return households && householdOnly(levels) ? Rule.HOUSEHOLD_ONLY : Rule.PROBABILISTIC;
    }

    /**
     * Neither the forename nor the date of birth agrees at any level, and no identifier agrees; or, in one household,
     * the forename only sounds alike and there is no date of birth to compare ({@link
     * HouseholdMembers#soundAlikeWithoutADate}).
     */
    private boolean householdOnly(int[] levels) {
        if (identifierAgrees(levels) || levels[UPN] == ExactComparator.Level.EXACT.ordinal()) {
            return false;
        }
        List<Comparison> list = comparisons.comparisons();
        if (!list.get(FORENAME).levels().get(levels[FORENAME]).isAgreement()
                && !list.get(DATE_OF_BIRTH).levels().get(levels[DATE_OF_BIRTH]).isAgreement()) {
            return true;
        }
        return HouseholdMembers.soundAlikeWithoutADate(levels)
                && ResidenceComparator.sameHousehold(ResidenceComparator.Level.values()[levels[ADDRESS]]);
    }

    private static boolean identifierAgrees(int[] levels) {
        return levels[NHS_NUMBER] == ExactComparator.Level.EXACT.ordinal()
                || levels[OTHER_IDENTIFIER] == IdentifierComparator.Level.EXACT.ordinal();
    }

    /**
     * Relatives: a clearly different forename and a wholly different date of birth; or, in the same household, a
     * clearly different forename and a date of birth a slip away (siblings born a digit or days apart, twins keyed with
     * a slip), or a wholly different date of birth whatever the forename (a parent and child of one name, siblings of
     * similar names). A household holds several people, and there the date of birth is what tells them apart. On the
     * simulator's selection seed 13, every pattern of these above weight 0 was relatives, bar one match in 65.
     */
    private boolean relatives(int[] levels) {
        if (identifierAgrees(levels)) {
            return false;
        }
        int dob = levels[DATE_OF_BIRTH];
        boolean differentForename = levels[FORENAME] == NameComparator.Level.OTHER.ordinal();
        if (differentForename && dob == DateOfBirthComparator.Level.OTHER.ordinal()) {
            return true;
        }
        if (!ResidenceComparator.sameHousehold(ResidenceComparator.Level.values()[levels[ADDRESS]])) {
            return false;
        }
        if (HouseholdMembers.relatives(levels)) {
            return true;
        }
        return dob == DateOfBirthComparator.Level.OTHER.ordinal()
                || (differentForename
                        && (dob == DateOfBirthComparator.Level.ONE_DIGIT_TYPO.ordinal()
                                || dob == DateOfBirthComparator.Level.WITHIN_A_MONTH.ordinal()));
    }

    private static boolean twins(int[] levels) {
        if (!HouseholdMembers.twins(levels)) {
            return false;
        }
        if (identifierAgrees(levels)) {
            return false;
        }
        return ResidenceComparator.sameHousehold(ResidenceComparator.Level.values()[levels[ADDRESS]]);
    }

    /** The match weight of a graded pair, with exact name agreement weighed by how common the name is. */
    double weight(int[] levels, PreparedRecord a) {
        double total = prior;
        for (int k = 0; k < COUNT; k++) {
            total += weights[k][levels[k]];
        }
        total += termFrequencyAdjustment(levels, a, FORENAME, "forename", a.forename.normalised());
        total += termFrequencyAdjustment(levels, a, SURNAME, "surname", a.surname.normalised());
        return total;
    }

    /**
     * An exact agreement adjusted for term frequency never weighs less than this share of its unadjusted weight. Why:
     * frequencies counted on the input are only as good as the input; a file of one family, of one school year, or a
     * column holding a placeholder made common names look like chance agreement and took an exact forename and surname
     * from about +20 to about +1 (issue 10). A common name should weigh less than a rare one, never almost nothing.
     */
    static final double TERM_FREQUENCY_FLOOR_SHARE = 0.5;

    /**
     * Splink-style, for exact agreement only: u becomes the value's frequency (floored below by the settings' minimum
     * u, and the resulting weight by {@link #TERM_FREQUENCY_FLOOR_SHARE}); returns the change in weight.
     */
    private double termFrequencyAdjustment(int[] levels, PreparedRecord a, int k, String field, String value) {
        if (levels[k] != NameComparator.Level.EXACT.ordinal()) {
            return 0;
        }
        double frequency = termFrequencies.frequency(field, value);
        if (Double.isNaN(frequency)) {
            return 0;
        }
        double u = Math.max(frequency, settings.termFrequencyMinimumU());
        double m = Math.max(model.m(k, levels[k]), FellegiSunterModel.FLOOR);
        double unadjusted = weights[k][levels[k]];
        double adjusted = Math.log(m / u) / LOG2;
        if (unadjusted > 0) {
            adjusted = Math.max(adjusted, TERM_FREQUENCY_FLOOR_SHARE * unadjusted);
        }
        return adjusted - unadjusted;
    }

    Explanation explain(int[] levels, PreparedRecord a) {
        List<Explanation.Contribution> contributions = new ArrayList<>(COUNT);
        for (int k = 0; k < COUNT; k++) {
            Comparison comparison = comparisons.comparisons().get(k);
            double w = weights[k][levels[k]];
            if (k == FORENAME) {
                w += termFrequencyAdjustment(levels, a, k, "forename", a.forename.normalised());
            } else if (k == SURNAME) {
                w += termFrequencyAdjustment(levels, a, k, "surname", a.surname.normalised());
            }
            contributions.add(new Explanation.Contribution(
                    comparison.name(), comparison.levels().get(levels[k]), w));
        }
        return new Explanation(prior, contributions);
    }
}

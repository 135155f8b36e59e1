package org.earlyhelp.hub.matching.engine;

/**
 * The one rule that turns a model into the thresholds a load is linked at, used alike by {@code link} (the
 * {@link BatchLinker}), by {@code index load} and {@code index relink}, and by the person index on every arriving record
 * (issue 10, points 3 and 7), so the hub and the command decide a pair the same way under the same model:
 *
 * <ul>
 *   <li>the prior is the model's, read for the load's size ({@link MatchSettings#forRecords});
 *   <li>a pair links at match probability {@link #HOUSEHOLDS_LINK_PROBABILITY} where the load holds households, and at
 *       {@link #NO_HOUSEHOLDS_LINK_PROBABILITY} (the Bayes decision) where it does not;
 *   <li>pairs go to review from the model's review threshold, or from the link threshold if that is lower;
 *   <li>a record that links to two records kept apart as different people (twins, relatives) goes with neither unless
 *       one link is {@link #AMBIGUITY_MARGIN} bits the stronger ({@link #ambiguous}): it is held for review.
 * </ul>
 *
 * A match weight includes the prior, so a threshold given as a probability means the same on any load once the prior
 * is the load's own.
 */
public final class LinkRule {

    /**
     * Match probability linked at where a load holds households. Chosen on simulator selection seed 13 only (standard
     * and messy UK profiles), once the prior was estimated over all pairs (it had been 2-4 times too high): pair
     * precision >= 0.999 held from weight 3.0 and 3.5, and the messy profile's F1 stayed within 0.01 of its best up to
     * about 8; 0.99 (weight 6.6) is the middle of that window. Not the Bayes 0.5: household members share surname,
     * address and phone, so the model, which takes fields as independent given the match status, is overconfident on
     * them (links it expects 99.9% right from weight 0.1-1.8 were 99.7% right).
     */
    public static final double HOUSEHOLDS_LINK_PROBABILITY = 0.99;

    /** Match probability linked at where a load holds no households: the Bayes decision. */
    public static final double NO_HOUSEHOLDS_LINK_PROBABILITY = 0.5;

    /**
     * Bits by which a record's link to one of two people it could be must beat its link to the other before it goes
     * with the first: odds of 99 to 1 between them, the probability {@link #HOUSEHOLDS_LINK_PROBABILITY} asks of a
     * link. Why: a record without a date of birth of "John Smith" at the address of a father and a son both called
     * John Smith scores the same with either, and before this rule it went with whichever its link happened to be
     * stronger to, a coin toss that made most of the false links left in one household (issue 10, point 6).
     */
    public static final double AMBIGUITY_MARGIN = MatchSettings.weightOf(HOUSEHOLDS_LINK_PROBABILITY);

    private LinkRule() {}

    /**
     * Whether a record whose two strongest links (by match weight; {@code Double.POSITIVE_INFINITY} for a link an
     * identifier decided) go to two different people is too close to call between them.
     */
    public static boolean ambiguous(double strongest, double other) {
        return !Double.isInfinite(strongest) && strongest - other < AMBIGUITY_MARGIN;
    }

    /** The link threshold, as a match weight. */
    public static double linkWeight(boolean households) {
        return MatchSettings.weightOf(households ? HOUSEHOLDS_LINK_PROBABILITY : NO_HOUSEHOLDS_LINK_PROBABILITY);
    }

    /**
     * The model with the prior read for {@code records} records and the thresholds of the rule.
     *
     * @param households whether the load holds households (see {@link HouseholdShare}); the person index always does
     */
    public static MatchSettings apply(MatchSettings model, long records, boolean households) {
        double link = linkWeight(households);
        return model.forRecords(records).withThresholds(link, Math.min(model.reviewThreshold(), link));
    }
}

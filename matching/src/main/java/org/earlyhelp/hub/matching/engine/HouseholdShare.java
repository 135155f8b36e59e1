package org.earlyhelp.hub.matching.engine;

import java.util.List;
import org.earlyhelp.hub.matching.compare.DateOfBirthComparator;
import org.earlyhelp.hub.matching.compare.NameComparator;
import org.earlyhelp.hub.matching.compare.ResidenceComparator;

/**
 * Whether a load holds households: among candidate pairs at one address (same UPRN or house, or the same postcode with
 * no address lines), the share that are clearly different people (a different forename AND a wholly different date of
 * birth). In records of families (the hub's partners, the simulator) it is high; in a list of individuals with typos
 * (FEBRL) same-address pairs are duplicates and it is near zero. The matcher's household rules and the default link
 * threshold depend on it, because household-shared fields (surname, address, phone) break the independence the model
 * assumes only where there are households.
 */
final class HouseholdShare {

    /** At or above this share the load is read as holding households. */
    static final double HOUSEHOLDS_FROM = 0.2;

    /**
     * Fewer candidate pairs at one address than this and the share is not read: the load is taken to hold households.
     * A handful of records of one family (twins, a mother and a son without a forename) cannot show it, and the
     * household reading is the careful one: the household rules on, linked at probability 0.99 rather than 0.5.
     */
    static final long MEASURED_FROM = 30;

    private static final long SAMPLE = 500_000;

    /**
     * @param share among the candidate pairs at one address (sampled), those clearly different people; NaN if none
     * @param pairs the candidate pairs at one address it was measured on
     */
    record Measure(double share, long pairs) {
        /**
         * No pair at one address: no households (nothing for the household rules to act on, as in a list of names and
         * towns); too few to measure: households; otherwise the share against {@link #HOUSEHOLDS_FROM}.
         */
        boolean holds() {
            if (pairs == 0) {
                return false;
            }
            return pairs < MEASURED_FROM || share >= HOUSEHOLDS_FROM;
        }
    }

    private HouseholdShare() {}

    /** The share and the pairs it was read on. */
    static Measure measure(StandardMatcher matcher, List<PreparedRecord> records, CandidatePairs candidates) {
        long upper = Math.max(1, candidates.upperBound());
        long every = Math.max(1, upper / SAMPLE);
        List<long[]> states = candidates.forEach(
                () -> new long[3],
                (state, a, b) -> {
                    if (state[2]++ % every != 0) {
                        return;
                    }
                    int[] levels = new int[matcher.comparisonCount()];
                    matcher.levels(records.get(a), records.get(b), levels);
                    if (!ResidenceComparator.sameHousehold(
                            ResidenceComparator.Level.values()[levels[StandardComparisons.ADDRESS]])) {
                        return;
                    }
                    state[0]++;
                    if (levels[StandardComparisons.FORENAME] == NameComparator.Level.OTHER.ordinal()
                            && levels[StandardComparisons.DATE_OF_BIRTH]
                                    == DateOfBirthComparator.Level.OTHER.ordinal()) {
                        state[1]++;
                    }
                },
                done -> {});
        long atOneAddress = 0;
        long different = 0;
        for (long[] s : states) {
            atOneAddress += s[0];
            different += s[1];
        }
        return new Measure(atOneAddress == 0 ? Double.NaN : (double) different / atOneAddress, atOneAddress);
    }
}

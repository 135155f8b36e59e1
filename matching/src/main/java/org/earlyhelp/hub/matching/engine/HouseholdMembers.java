package org.earlyhelp.hub.matching.engine;

import static org.earlyhelp.hub.matching.engine.StandardComparisons.DATE_OF_BIRTH;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.FORENAME;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.NHS_NUMBER;
import static org.earlyhelp.hub.matching.engine.StandardComparisons.SURNAME;

import org.earlyhelp.hub.matching.compare.DateOfBirthComparator;
import org.earlyhelp.hub.matching.compare.ExactComparator;
import org.earlyhelp.hub.matching.compare.NameComparator;

/**
 * What tells two members of one household apart when the household fields (surname, address, postcode, phone) all
 * agree, for the twins and relatives rules of {@link StandardMatcher}. Called only for a pair in one household
 * ({@code ResidenceComparator.sameHousehold}) with no agreeing NHS number or other identifier.
 *
 * <p>Why (issue 10, point 6): on {@code hub simulate people} (seed 7) the false links at the default link threshold
 * were almost all pairs of one family, at 20,000 records as at 200,000 (so not an effect of size):
 * twins whose surname one partner keyed with a slip (the twins rule wanted the surname exactly equal), twins with the
 * date of birth keyed transposed, and household members with two different valid NHS numbers. The model weighs the
 * fields independently, so surname, address, postcode and sex each count again for a household member; the counts
 * are in {@code docs/benchmarks.md}.
 */
final class HouseholdMembers {

    private HouseholdMembers() {}

    /**
     * Twins: the same date of birth and a clearly different forename, with a surname that agrees at any level (exact,
     * phonetic or a near spelling: one partner's slip does not make twins one person).
     */
    static boolean twins(int[] levels) {
        return levels[FORENAME] == NameComparator.Level.OTHER.ordinal()
                && levels[DATE_OF_BIRTH] == DateOfBirthComparator.Level.EXACT.ordinal()
                && isNameAgreement(levels[SURNAME]);
    }

    /**
     * Relatives beyond what the date of birth alone says: two different valid NHS numbers (a single mistyped digit
     * fails the check digit and reads as missing, so two valid numbers that differ are two people, and the NHS number
     * is what tells household members apart where names and dates are shared or missing); or a clearly different
     * forename with the day and month of birth transposed (twins or siblings keyed with a slip, as the relatives rule
     * already treats a one-digit slip); or a clearly different forename where one side gives the year of birth
     * alone and the years agree or are one apart (the year says no more than a slip would: siblings and twins share
     * it). Where the years are more than one apart the date of birth disagrees ({@code OTHER}) and the relatives rule
     * already keeps a household's members apart whatever the forename: a parent and a child of one name, told apart
     * by the year alone.
     */
    static boolean relatives(int[] levels) {
        if (levels[NHS_NUMBER] == ExactComparator.Level.OTHER.ordinal()) {
            return true;
        }
        if (levels[FORENAME] != NameComparator.Level.OTHER.ordinal()) {
            return false;
        }
        int dob = levels[DATE_OF_BIRTH];
        return dob == DateOfBirthComparator.Level.DAY_MONTH_TRANSPOSED.ordinal() || yearOnly(dob);
    }

    /**
     * Siblings whose names sound alike: in one household, with no date of birth on one side, a forename that agrees only
     * by sound or as a middling spelling (Double Metaphone, or Jaro-Winkler below the high band: Jayden and Hayden,
     * Ellie and Ella), not exactly, as a nickname or as a near spelling. Without a date there is nothing else to tell
     * two children of one family apart, so the pair is household evidence ({@link Rule#HOUSEHOLD_ONLY}), not a link.
     * On {@code hub simulate people} (1,000,000 records) the sound-alike pairs among them, linked at the default, were
     * about as often two people as one (weight 4 to 12); the rule took that group's false links from 125 to 25 and its
     * true ones from 889 to 603 ({@code docs/benchmarks.md}, fourth round).
     */
    static boolean soundAlikeWithoutADate(int[] levels) {
        int forename = levels[FORENAME];
        return levels[DATE_OF_BIRTH] == DateOfBirthComparator.Level.NULL.ordinal()
                && (forename == NameComparator.Level.PHONETIC.ordinal()
                        || forename == NameComparator.Level.JARO_WINKLER_MID.ordinal());
    }

    /** A level where one side gave the year of birth alone and the years were not clearly different. */
    static boolean yearOnly(int dobLevel) {
        return dobLevel == DateOfBirthComparator.Level.YEAR_ONLY_SAME.ordinal()
                || dobLevel == DateOfBirthComparator.Level.YEAR_ONLY_ONE_APART.ordinal();
    }

    private static boolean isNameAgreement(int level) {
        return NameComparator.Level.values()[level].isAgreement();
    }
}

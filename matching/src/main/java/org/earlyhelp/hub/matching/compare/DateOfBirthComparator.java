package org.earlyhelp.hub.matching.compare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Grades two dates of birth by the mistakes people make keying them in. A date of birth known only by its year (a
 * police record's "age given": {@code 1985}) is compared by the year alone: the same year is weak evidence of its own
 * ({@link Level#YEAR_ONLY_SAME}), a year one apart (an age given a few months either side of a birthday) weaker still,
 * and years more than one apart are clear disagreement ({@link Level#OTHER}), as for two full dates.
 */
public final class DateOfBirthComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** Same year, day and month swapped: a US-order entry or a slip of the keyboard. */
        DAY_MONTH_TRANSPOSED,
        /** One character differs in {@code yyyyMMdd}. */
        ONE_DIGIT_TYPO,
        /** No more than {@value DateOfBirthComparator#MONTH_IN_DAYS} days apart. */
        WITHIN_A_MONTH,
        /** The same year where one side (or both) gives the year alone. */
        YEAR_ONLY_SAME,
        /** Years one apart where one side (or both) gives the year alone. */
        YEAR_ONLY_ONE_APART,
        OTHER,
        NULL
    }

    static final int MONTH_IN_DAYS = 31;

    /**
     * Two dates of birth, each a full date or, where that is null, a year alone ({@code yearOnly}, 0 for none): a
     * year alone is compared by year with the other side's year.
     */
    public Level compare(LocalDate a, int yearOnlyA, LocalDate b, int yearOnlyB) {
        if (a != null && b != null) {
            return compare(a, b);
        }
        int x = a != null ? a.getYear() : yearOnlyA;
        int y = b != null ? b.getYear() : yearOnlyB;
        if (x == 0 || y == 0) {
            return Level.NULL;
        }
        int apart = Math.abs(x - y);
        return apart == 0 ? Level.YEAR_ONLY_SAME : apart == 1 ? Level.YEAR_ONLY_ONE_APART : Level.OTHER;
    }

    public Level compare(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Level.NULL;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (a.getYear() == b.getYear()
                && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth()) {
            return Level.DAY_MONTH_TRANSPOSED;
        }
        if (oneDigitApart(a, b)) {
            return Level.ONE_DIGIT_TYPO;
        }
        return Math.abs(ChronoUnit.DAYS.between(a, b)) <= MONTH_IN_DAYS ? Level.WITHIN_A_MONTH : Level.OTHER;
    }

    /** Levenshtein distance 1 between two 8-digit {@code yyyyMMdd} strings: exactly one digit differs. */
    private static boolean oneDigitApart(LocalDate a, LocalDate b) {
        int x = a.getYear() * 10000 + a.getMonthValue() * 100 + a.getDayOfMonth();
        int y = b.getYear() * 10000 + b.getMonthValue() * 100 + b.getDayOfMonth();
        int differing = 0;
        for (int i = 0; i < 8; i++) {
            if (x % 10 != y % 10) {
                differing++;
            }
            x /= 10;
            y /= 10;
        }
        return differing == 1;
    }
}

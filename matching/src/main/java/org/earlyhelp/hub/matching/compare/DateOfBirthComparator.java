package org.earlyhelp.hub.matching.compare;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Grades two dates of birth by the mistakes people make keying them in. */
public final class DateOfBirthComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** Same year, day and month swapped: a US-order entry or a slip of the keyboard. */
        DAY_MONTH_TRANSPOSED,
        /** One character differs in {@code yyyyMMdd}. */
        ONE_DIGIT_TYPO,
        /** No more than {@value DateOfBirthComparator#MONTH_IN_DAYS} days apart. */
        WITHIN_A_MONTH,
        OTHER,
        NULL
    }

    static final int MONTH_IN_DAYS = 31;

    private final LevenshteinDistance levenshtein = new LevenshteinDistance(1);

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
        String x = a.format(DateTimeFormatter.BASIC_ISO_DATE);
        String y = b.format(DateTimeFormatter.BASIC_ISO_DATE);
        if (levenshtein.apply(x, y) == 1) {
            return Level.ONE_DIGIT_TYPO;
        }
        return Math.abs(ChronoUnit.DAYS.between(a, b)) <= MONTH_IN_DAYS ? Level.WITHIN_A_MONTH : Level.OTHER;
    }
}

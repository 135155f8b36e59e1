package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.earlyhelp.hub.matching.compare.DateOfBirthComparator.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateOfBirthComparatorTest {

    final DateOfBirthComparator comparator = new DateOfBirthComparator();

    @ParameterizedTest
    @CsvSource({
        "1989-03-03, 1989-03-03, EXACT",
        "1989-03-04, 1989-04-03, DAY_MONTH_TRANSPOSED",
        "1989-03-03, 1989-03-08, ONE_DIGIT_TYPO",
        "1989-03-03, 1998-03-03, OTHER",
        "1989-03-03, 1989-03-28, WITHIN_A_MONTH",
        "1989-12-20, 1990-01-10, WITHIN_A_MONTH",
        "1989-03-03, 1989-05-03, ONE_DIGIT_TYPO",
        "1989-03-03, 1989-06-20, OTHER",
        "1989-03-04, 1990-04-03, OTHER"
    })
    void datesOfBirthAreGradedByTheKeyingMistakeThatExplainsThem(LocalDate a, LocalDate b, Level expected) {
        // When / Then, either way round
        assertThat(comparator.compare(a, b)).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({", 1989-03-03", "1989-03-03, ", ","})
    void missingDateGivesNoEvidence(LocalDate a, LocalDate b) {
        // When / Then
        assertThat(comparator.compare(a, b)).isEqualTo(Level.NULL);
    }

    @ParameterizedTest
    @CsvSource({
        "1985-04-24, 0, , 1985, YEAR_ONLY_SAME",
        ", 1985, , 1985, YEAR_ONLY_SAME",
        "1985-12-31, 0, , 1986, YEAR_ONLY_ONE_APART",
        ", 1984, , 1985, YEAR_ONLY_ONE_APART",
        "1985-04-24, 0, , 1987, OTHER",
        ", 2014, , 1985, OTHER",
        ", 1985, , 0, NULL",
        "1985-04-24, 0, , 0, NULL",
        "1985-04-24, 0, 1985-04-24, 0, EXACT",
        "1985-04-24, 1990, 1985-04-24, 0, EXACT"
    })
    void aYearAloneIsComparedByTheYear(LocalDate a, int yearA, LocalDate b, int yearB, Level expected) {
        // When / Then, either way round: the same year is weak agreement of its own, more than a year apart disagrees,
        // and a full date on both sides is compared as a date (a year beside a full date is ignored)
        assertThat(comparator.compare(a, yearA, b, yearB)).isEqualTo(expected);
        assertThat(comparator.compare(b, yearB, a, yearA)).isEqualTo(expected);
    }
}

package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.earlyhelp.hub.matching.compare.ExactComparator.Level;
import org.earlyhelp.hub.matching.identifiers.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactComparatorTest {

    @ParameterizedTest
    @CsvSource({"F, f, EXACT", "' 100023336956', 100023336956, EXACT", "F, M, OTHER", "F, ' ', NULL", "F, , NULL"})
    void valuesAgreeIgnoringCaseAndSurroundingSpaces(String a, String b, Level expected) {
        // Given
        ExactComparator comparator = new ExactComparator();

        // When / Then, either way round
        assertThat(comparator.compare(a, b)).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).isEqualTo(expected);
    }

    @Test
    void identifierFailingItsCheckCountsAsMissingNotAsDisagreement() {
        // Given NHS numbers compared in canonical form
        ExactComparator comparator = new ExactComparator(NhsNumber::parse);

        // When / Then
        assertThat(comparator.compare("943 476 5919", "9434765919")).isEqualTo(Level.EXACT);
        assertThat(comparator.compare("9434765919", "9434765918")).isEqualTo(Level.NULL);
    }
}

package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.earlyhelp.hub.matching.compare.MiddleNameComparator.Level;
import org.earlyhelp.hub.matching.names.NameNormaliser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiddleNameComparatorTest {

    @ParameterizedTest
    @CsvSource({
        "James, JAMES, EXACT",
        "Paul James, paul james, EXACT",
        "Paul James, Paul, FIRST_AGREES",
        "Anne, Ann, FIRST_AGREES",
        "Jayne, Jane, FIRST_AGREES",
        "J, James, FIRST_AGREES",
        "James, Paul, OTHER",
        "Paul James, James Paul, OTHER",
        "J, Paul, OTHER",
        "James, '', NULL",
        "James, , NULL",
        "'', '', NULL"
    })
    void gradesMiddleNamesAndCountsNoneAsNoEvidence(String a, String b, Level expected) {
        // Given the names as the matcher prepares them
        String[] x = words(a);
        String[] y = words(b);

        // When / Then, either way round
        assertThat(MiddleNameComparator.compare(x, y)).isEqualTo(expected);
        assertThat(MiddleNameComparator.compare(y, x)).isEqualTo(expected);
    }

    private static String[] words(String raw) {
        String normalised = NameNormaliser.normalise(raw);
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}

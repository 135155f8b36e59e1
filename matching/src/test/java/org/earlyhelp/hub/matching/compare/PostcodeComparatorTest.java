package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.earlyhelp.hub.matching.compare.PostcodeComparator.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostcodeComparatorTest {

    final PostcodeComparator comparator = new PostcodeComparator();

    @ParameterizedTest
    @CsvSource({
        "S41 7AB, s417ab, EXACT",
        "S41 7AB, S41 7AD, SECTOR",
        "S41 7AB, S41 8EF, DISTRICT",
        "S41 7AB, S40 7AB, OTHER",
        "S41 7AB, M1 1AE, OTHER",
        "S41 7AB, , NULL",
        "S41 7AB, not known, NULL"
    })
    void postcodesAreGradedByTheSmallestUnitTheyShare(String a, String b, Level expected) {
        // When / Then, either way round
        assertThat(comparator.compare(a, b)).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).isEqualTo(expected);
    }
}

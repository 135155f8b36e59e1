package org.earlyhelp.hub.matching.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @Test
    void numberWithCorrectCheckDigitIsValid() {
        // Given a published example NHS number
        String nhsNumber = "9434765919";

        // When / Then
        assertThat(NhsNumber.valid(nhsNumber)).isTrue();
    }

    @Test
    void numberWithWrongCheckDigitIsInvalid() {
        // Given the same number with its last digit changed
        String nhsNumber = "9434765918";

        // When / Then
        assertThat(NhsNumber.valid(nhsNumber)).isFalse();
    }

    @Test
    void spacesAndDashesAreStrippedBeforeChecking() {
        // Given the number as people write it
        String written = " 943 476-5919 ";

        // When
        var parsed = NhsNumber.parse(written);

        // Then
        assertThat(NhsNumber.normalise(written)).isEqualTo("9434765919");
        assertThat(parsed).contains("9434765919");
    }

    @Test
    void numberWhoseCheckWouldBeTenIsNeverValid() {
        // Given 100000001x: weighted sum 1*10 + 1*2 = 12, 12 mod 11 = 1, so the check would be 10
        String[] everyTenthDigit = new String[10];
        for (int d = 0; d < 10; d++) {
            everyTenthDigit[d] = "100000001" + d;
        }

        // When / Then
        assertThat(everyTenthDigit).noneMatch(NhsNumber::valid);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"943476591", "94347659190", "943476591X", "abcdefghij"})
    void malformedNumbersAreInvalid(String malformed) {
        // When / Then
        assertThat(NhsNumber.parse(malformed)).isEmpty();
    }
}

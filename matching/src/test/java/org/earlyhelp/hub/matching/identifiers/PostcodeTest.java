package org.earlyhelp.hub.matching.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @Test
    void compactLowerCasePostcodeIsNormalisedWithItsUnits() {
        // Given
        String raw = "s417ab";

        // When
        Postcode postcode = Postcode.parse(raw).orElseThrow();

        // Then
        assertThat(postcode.value()).isEqualTo("S41 7AB");
        assertThat(postcode.outward()).isEqualTo("S41");
        assertThat(postcode.inward()).isEqualTo("7AB");
        assertThat(postcode.sector()).isEqualTo("S41 7");
    }

    @ParameterizedTest
    @CsvSource({
        "' S41  7AB ', S41 7AB",
        "sw1a1aa, SW1A 1AA",
        "M1 1AE, M1 1AE",
        "b338th, B33 8TH",
        "EC1A-1BB, EC1A 1BB",
        "gir 0aa, GIR 0AA"
    })
    void everyShapeOfPostcodeIsNormalised(String raw, String expected) {
        // When / Then
        assertThat(Postcode.parse(raw)).map(Postcode::value).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"S41", "7AB", "S41 7A", "S41 7CI", "123 4AB", "not a postcode"})
    void somethingThatIsNotAPostcodeIsEmpty(String raw) {
        // When / Then
        assertThat(Postcode.parse(raw)).isEmpty();
    }

    @Test
    void postcodesWrittenDifferentlyAreEqual() {
        // When / Then
        assertThat(Postcode.parse("s41 7ab")).isEqualTo(Postcode.parse("S417AB"));
    }
}

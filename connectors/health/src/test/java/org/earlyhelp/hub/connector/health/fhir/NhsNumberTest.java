package org.earlyhelp.hub.connector.health.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "9434765870", "4010232137", "9990000018", "4857773457", "0000000000"})
    void knownGoodNumbersAreValid(String number) {
        assertThat(NhsNumber.valid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9434765918", // wrong check digit
                "1234567890", // remainder 10: no check digit exists
                "943 476 5919", // spaced as printed on a card: not a FHIR value
                "943-476-5919",
                "943476591", // nine digits
                "94347659190", // eleven
                "", // empty
                "943476591a",
                "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669", // Arabic-Indic digits
                " 9434765919"
            })
    void anythingElseIsNot(String number) {
        assertThat(NhsNumber.valid(number)).isFalse();
    }

    @Test
    void nullIsNotValidAndTheCheckDigitNeedsNineDigits() {
        assertThat(NhsNumber.valid(null)).isFalse();
        assertThatThrownBy(() -> NhsNumber.checkDigit("12345678")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elevenBecomesZeroAndTenHasNoCheckDigit() {
        assertThat(NhsNumber.checkDigit("943476587")).hasValue(0);
        assertThat(NhsNumber.checkDigit("123456789")).isEmpty();
    }

    @Provide
    Arbitrary<String> valid() {
        return Arbitraries.strings()
                .numeric()
                .ofLength(9)
                .filter(s -> NhsNumber.checkDigit(s).isPresent())
                .map(s -> s + NhsNumber.checkDigit(s).getAsInt());
    }

    @Property
    void aNumberWithItsCheckDigitIsValid(@ForAll("valid") String number) {
        assertThat(NhsNumber.valid(number)).isTrue();
    }

    @Property
    void anyOneDigitChangedIsInvalid(
            @ForAll("valid") String number,
            @ForAll @IntRange(max = 9) int at,
            @ForAll @IntRange(min = 1, max = 9) int by) {
        char changed = (char) ('0' + (number.charAt(at) - '0' + by) % 10);
        String typo = number.substring(0, at) + changed + number.substring(at + 1);
        assertThat(NhsNumber.valid(typo)).isFalse();
    }

    @Property
    void anyTwoNeighboursSwappedIsInvalid(@ForAll("valid") String number, @ForAll @IntRange(max = 8) int at) {
        if (number.charAt(at) == number.charAt(at + 1)) {
            return;
        }
        String swapped = number.substring(0, at) + number.charAt(at + 1) + number.charAt(at) + number.substring(at + 2);
        assertThat(NhsNumber.valid(swapped)).isFalse();
    }

    @Property
    void spacesOrDashesAnywhereMakeItInvalid(
            @ForAll("valid") String number, @ForAll @IntRange(min = 1, max = 9) int at, @ForAll boolean dash) {
        String formatted = number.substring(0, at) + (dash ? "-" : " ") + number.substring(at);
        assertThat(NhsNumber.valid(formatted)).isFalse();
    }
}

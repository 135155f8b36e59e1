package org.earlyhelp.hub.matching.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UpnTest {

    @Test
    void upnWithCorrectCheckLetterIsValid() {
        // Given LA 801, school 2000, year 05, serial 001: weighted sum 93, 93 mod 23 = 1 -> B
        String upn = "B801200005001";

        // When / Then
        assertThat(Upn.valid(upn)).isTrue();
    }

    @Test
    void upnWithWrongCheckLetterIsInvalid() {
        // Given the same digits with another check letter
        String upn = "A801200005001";

        // When / Then
        assertThat(Upn.valid(upn)).isFalse();
    }

    @Test
    void temporaryUpnEndingInALetterCountsThatLetterInTheCheck() {
        // Given a temporary UPN ending in A (value 0) instead of 1: sum 93 - 13 = 80, 80 mod 23 = 11 -> M
        String temporary = "M80120000500A";

        // When / Then
        assertThat(Upn.valid(temporary)).isTrue();
        assertThat(Upn.valid("B80120000500A")).isFalse();
    }

    @Test
    void lowerCaseAndSpacesAreNormalised() {
        // Given a UPN keyed in loosely
        String keyed = " b801 2000 05001 ";

        // When / Then
        assertThat(Upn.parse(keyed)).contains("B801200005001");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"UN1", "B80120000500", "B8012000050011", "I801200005001", "B80120A005001", "B80120000500O"})
    void malformedUpnsAreInvalid(String malformed) {
        // When / Then
        assertThat(Upn.parse(malformed)).isEmpty();
    }
}

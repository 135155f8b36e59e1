package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewComparatorsTest {

    @ParameterizedTest
    @CsvSource({
        "12 Oak Road, 12 oak road, EXACT",
        "12 Oak Road, 12 Oak Rd, SAME_NUMBER_SIMILAR_STREET",
        "12 Oak Road, 21 Oak Road, SIMILAR_STREET",
        "12 Oak Road, 12 Birch Avenue, SAME_NUMBER",
        "12 Oak Road, 3 Mill Lane, OTHER",
        "12 Oak Road, '', NULL"
    })
    void addressesAreGradedWithTheHouseNumberComparedOnItsOwn(String a, String b, AddressComparator.Level expected) {
        assertThat(new AddressComparator().compare(a, b)).isEqualTo(expected);
        assertThat(new AddressComparator().compare(b, a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "jo.smith@example.org, JO.SMITH@example.org , EXACT",
        "jo.smith@example.org, jo.smith@mail.co.uk, SAME_LOCAL_PART",
        "jo.smith@example.org, jo.smyth@example.org, JARO_WINKLER_HIGH",
        "jo.smith@example.org, priya@elsewhere.net, OTHER",
        "jo.smith@example.org, not an email, NULL"
    })
    void emailsAreGradedByMailboxAndSimilarity(String a, String b, EmailComparator.Level expected) {
        assertThat(new EmailComparator().compare(a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1234567, 1234567, EXACT",
        "1234567, 1234568, ONE_EDIT",
        "1234567, 1243567, ONE_EDIT",
        "1234567, 123456, ONE_EDIT",
        "1234567, 7654321, OTHER",
        "1234567, '', NULL"
    })
    void identifiersAreEqualOrOneKeyingSlipApart(String a, String b, IdentifierComparator.Level expected) {
        assertThat(new IdentifierComparator().compare(a, b)).isEqualTo(expected);
        assertThat(new IdentifierComparator().compare(b, a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "Sheffield, SHEFFIELD, EXACT",
        "Sheffield, Sheffeild, JARO_WINKLER_HIGH",
        "Sheffield, Leeds, OTHER",
        "Sheffield, '', NULL"
    })
    void townsAreEqualOrClose(String a, String b, TextComparator.Level expected) {
        assertThat(new TextComparator().compare(a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "S41 7AB, s417ab, EXACT",
        "S41 7AB, S41 7AD, SECTOR",
        "S41 7AB, S41 8EF, DISTRICT",
        "S41 7AB, M1 1AE, OTHER",
        "4011, 4011, EXACT",
        "4011, 4010, ONE_EDIT",
        "4011, 2600, OTHER",
        "4011, S41 7AB, NULL",
        "4011, not known, NULL"
    })
    void postcodesOfAnyCountryAreGraded(String a, String b, AnyPostcodeComparator.Level expected) {
        assertThat(new AnyPostcodeComparator().compare(a, b)).isEqualTo(expected);
        assertThat(new AnyPostcodeComparator().compare(b, a)).isEqualTo(expected);
    }
}

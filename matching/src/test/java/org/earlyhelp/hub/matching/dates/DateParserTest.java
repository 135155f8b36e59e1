package org.earlyhelp.hub.matching.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final LocalDate THIRD_OF_MARCH_1989 = LocalDate.of(1989, 3, 3);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1989-03-03",
                "19890303",
                "03/03/1989",
                "03/03/89",
                "3/3/1989",
                "03-03-1989",
                "03.03.1989",
                "3 March 1989",
                "3 Mar 1989",
                "3 MARCH 1989",
                "3 mar 1989",
                "  3   March   1989 ",
                "1989-03-03 00:00:00",
                "1989-03-03T00:00:00Z",
                "03/03/1989 00:00",
                "03 / 03 / 1989",
                "3rd March 1989",
                "3 Mar. 1989",
                "03-Mar-89",
                "3 March, 1989"
            })
    void everyFormatInRealExtractsGivesTheSameDate(String raw) {
        // When
        var parsed = DateParser.parse(raw, TODAY);

        // Then
        assertThat(parsed).contains(THIRD_OF_MARCH_1989);
    }

    @Test
    void numericDatesAreReadDayFirst() {
        // Given a date that would be 4 March in US order
        String raw = "03/04/2010";

        // When / Then
        assertThat(DateParser.parse(raw, TODAY)).contains(LocalDate.of(2010, 4, 3));
    }

    @Test
    void twoDigitYearIsTheLatestThatIsNotInTheFuture() {
        // Given today is 15 July 2026

        // When / Then: earlier this year stays in this century, later this year goes back a century
        assertThat(DateParser.parse("15/07/26", TODAY)).contains(LocalDate.of(2026, 7, 15));
        assertThat(DateParser.parse("16/07/26", TODAY)).contains(LocalDate.of(1926, 7, 16));
        assertThat(DateParser.parse("01/01/10", TODAY)).contains(LocalDate.of(2010, 1, 1));
        assertThat(DateParser.parse("01/01/27", TODAY)).contains(LocalDate.of(1927, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-02-30", "30/02/2016", "31 April 2016", "29/02/2023", "20161301", "32/01/2016"})
    void impossibleDatesAreEmpty(String impossible) {
        // When / Then
        assertThat(DateParser.parse(impossible, TODAY)).isEmpty();
    }

    @Test
    void leapDayIsAcceptedInALeapYear() {
        // When / Then
        assertThat(DateParser.parse("29/02/2016", TODAY)).contains(LocalDate.of(2016, 2, 29));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "3 Marchly 1989", "1989/03", "03/03", "3 Smarch 1989", "1989-03-03x"})
    void textThatIsNotADateIsEmpty(String raw) {
        // When / Then
        assertThat(DateParser.parse(raw, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985", " 1985 ", "1985 00:00:00"})
    void aYearAloneIsAPartialDateNotAFullOne(String raw) {
        // When / Then: the year is kept, and it is not read as a date
        assertThat(DateParser.parseYear(raw, TODAY)).hasValue(1985);
        assertThat(DateParser.parse(raw, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1989-03-03", "19890303", "85", "0042", "1850", "2027", "198", "year 1985"})
    void onlyALoneFourDigitYearUpToThisYearIsAYearOfBirth(String raw) {
        // When / Then: full dates, short numbers and years before 1880 or after this year are not years of birth
        assertThat(DateParser.parseYear(raw, TODAY)).isEmpty();
    }
}

package org.earlyhelp.hub.matching.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormaliserTest {

    @ParameterizedTest
    @CsvSource({
        "'  José ', jose",
        "ZOË, zoe",
        "O'Brien, obrien",
        "Smith-Jones, smith jones",
        "'Mr  John   Smith', john smith",
        "Mrs. Jane Doe, jane doe",
        "Dr Ngozi Okafor, ngozi okafor",
        "Miss Amy Lowe, amy lowe",
        "Ms Carla Lowe, carla lowe",
        "Amy Miss, amy miss",
        "Miss, miss"
    })
    void namesAreLowerCaseWithoutAccentsPunctuationOrLeadingTitles(String raw, String expected) {
        // When / Then
        assertThat(NameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Baby",
                "baby boy",
                "BABY GIRL",
                "Twin 1",
                "twin 2",
                "Twin A",
                "Unknown",
                "Infant",
                "N/K",
                "Baby of Smith",
                "Unborn"
            })
    void placeholdersForUnnamedPeopleAreFlagged(String placeholder) {
        // When / Then
        assertThat(NameNormaliser.isPlaceholder(placeholder)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amy", "Babette", "Twining", "Jane Baby", "Knox"})
    void realNamesAreNotPlaceholders(String name) {
        // When / Then
        assertThat(NameNormaliser.isPlaceholder(name)).isFalse();
    }
}

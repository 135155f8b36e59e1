package org.earlyhelp.hub.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earlyhelp.hub.matching.compare.NameComparator.Level;
import org.earlyhelp.hub.matching.names.Nicknames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparatorTest {

    final NameComparator comparator = NameComparator.standard();

    @ParameterizedTest
    @CsvSource({
        "Amy, Amy, EXACT",
        "'Mr José ', jose, EXACT",
        "William, Bill, NICKNAME",
        "Jon, John, NICKNAME",
        "Catherine, Kathryn, PHONETIC",
        "Smith, Smyth, PHONETIC",
        "Dixon, Dickson, PHONETIC",
        "Thompson, Thomson, JARO_WINKLER_HIGH",
        "Lowe, Lower, JARO_WINKLER_HIGH",
        "Benedict, Benedetta, JARO_WINKLER_MID",
        "Amy, Carla, OTHER",
        "William, Robert, OTHER"
    })
    void namesAreGradedByTheStrongestAgreement(String a, String b, Level expected) {
        // When / Then, either way round
        assertThat(comparator.compare(a, b)).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).isEqualTo(expected);
    }

    @Test
    void jonAndJohnSoundAlikeWhenTheTableDoesNotListThem(@TempDir Path dir) throws IOException {
        // Given a nickname table without John
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "william,bill\n");
        NameComparator withoutJohn = new NameComparator(Nicknames.load(csv));

        // When / Then
        assertThat(withoutJohn.compare("Jon", "John")).isEqualTo(Level.PHONETIC);
    }

    @ParameterizedTest
    @CsvSource({"Baby Girl, Baby Girl", "Twin 1, Twin 1", "Unknown, Amy", "'', Amy", "' ', Amy", ", Amy"})
    void missingOrPlaceholderNamesGiveNoEvidence(String a, String b) {
        // When / Then
        assertThat(comparator.compare(a, b)).isEqualTo(Level.NULL);
        assertThat(comparator.compare(a, b).isNull()).isTrue();
    }
}

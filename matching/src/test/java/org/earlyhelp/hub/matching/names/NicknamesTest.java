package org.earlyhelp.hub.matching.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NicknamesTest {

    // The copy of ../shared/reference/nicknames/names.csv kept in this module, so the build stands alone.
    static final Path TABLE = Path.of("src/main/resources/org/earlyhelp/hub/matching/names/nicknames.csv");

    final Nicknames nicknames = Nicknames.standard();

    @ParameterizedTest
    @CsvSource({"william, bill", "elizabeth, beth", "john, jon", "robert, bob", "catherine, kathy", "Margaret, Peggy"})
    void namesListedInTheTableAreNicknamesEitherWayRound(String name, String nickname) {
        // When / Then
        assertThat(nicknames.areNicknames(name, nickname)).isTrue();
        assertThat(nicknames.areNicknames(nickname, name)).isTrue();
    }

    @Test
    void williamAndRobertAreNotNicknamesThoughBillShortensBoth() {
        // Given the row "bill,william,billy,robert,..."

        // When / Then
        assertThat(nicknames.areNicknames("william", "robert")).isFalse();
    }

    @Test
    void aNameIsNotItsOwnNicknameAndUnlistedNamesAreNot() {
        // When / Then
        assertThat(nicknames.areNicknames("william", "William")).isFalse();
        assertThat(nicknames.areNicknames("william", "amy")).isFalse();
        assertThat(nicknames.areNicknames("william", null)).isFalse();
    }

    @Test
    void tableLoadedFromAPathAgreesWithTheCopyOnTheClasspath() {
        // Given the table read as a file
        Nicknames fromPath = Nicknames.load(TABLE);

        // When / Then
        assertThat(fromPath.areNicknames("Elizabeth", "Beth")).isTrue();
        assertThat(fromPath.areNicknames("william", "robert")).isFalse();
    }

    @Test
    void smallTableWithTrailingEmptyCellsAndCrlfLoads(@TempDir Path dir) throws IOException {
        // Given
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "aaron,erin,ronnie,ron,,,,\r\nabel,ebbie,ab,,,\r\n");

        // When
        Nicknames table = Nicknames.load(csv);

        // Then
        assertThat(table.areNicknames("Ron", "Aaron")).isTrue();
        assertThat(table.areNicknames("ab", "aaron")).isFalse();
    }

    @Test
    void missingTableFailsWithItsPath(@TempDir Path dir) {
        // Given
        Path missing = dir.resolve("absent.csv");

        // When / Then
        assertThatThrownBy(() -> Nicknames.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.csv");
    }
}

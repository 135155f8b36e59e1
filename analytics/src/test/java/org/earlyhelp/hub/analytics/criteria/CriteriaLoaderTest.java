package org.earlyhelp.hub.analytics.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CriteriaLoaderTest {

    public static final CriteriaVocabulary VOCABULARY =
            CriteriaVocabulary.of(new FieldCatalogue(Connectors.discover().payloadTypes()));

    @TempDir
    Path dir;

    @Test
    void theShippedCriteriaHaveTheTenHeadlineOutcomesAndNoProblem() {
        NeedCriteria criteria = NeedCriteria.shipped(VOCABULARY);
        assertThat(criteria.outcomes())
                .extracting(Outcome::id)
                .containsExactly(
                        "good-education",
                        "early-years-development",
                        "mental-and-physical-health",
                        "substance-use",
                        "family-relationships",
                        "safe-from-abuse-and-exploitation",
                        "crime-prevention",
                        "safe-from-domestic-abuse",
                        "secure-housing",
                        "financial-stability");
        assertThat(criteria.familyThreshold()).isEqualTo(3);
        assertThat(criteria.sustainMonths()).isEqualTo(6);
        assertThat(criteria.outcomes()).allSatisfy(o -> assertThat(o.need()).isNotEmpty());
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheFieldsThereAre() throws IOException {
        List<LintProblem> problems = lint(
                """
                version: 1
                family-threshold: 3
                sustain-months: 6
                outcomes:
                  - id: good-education
                    title: Getting a good education
                    need:
                      - id: absence
                        type: school-attendance
                        where: [{ field: attendance.attendance-pct, below: 90 }]
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(10);
        assertThat(problems.get(0).toString())
                .contains("criteria.yaml:10: error:")
                .contains("'attendance.attendance-pct' is not a field of school-attendance")
                .contains("attendance.attendance-percent");
    }

    @Test
    void aTestThatCannotApplyToItsFieldIsAnErrorSayingWhatWould() throws IOException {
        List<LintProblem> problems = lint(
                """
                version: 1
                family-threshold: 3
                sustain-months: 6
                outcomes:
                  - id: x
                    title: X
                    need:
                      - id: a
                        type: school-attendance
                        where: [{ field: attendance.term, below: 90 }]
                      - id: a
                        type: housing-arrears
                        within-months: 0
                """);
        assertThat(problems).extracting(LintProblem::line).containsExactly(10, 11, 12, 13);
        assertThat(problems.get(0).message()).contains("'attendance.term' is not a number");
        assertThat(problems.get(1).message()).contains("indicator id 'a' is used twice");
        assertThat(problems.get(2).message())
                .contains("unknown record type 'housing-arrears'")
                .contains("housing-rent-arrears");
        assertThat(problems.get(3).message()).contains("within-months must be a whole number");
    }

    @Test
    void criteriaWithAnErrorAreRefusedWhole() throws IOException {
        Path file = write("version: 1\nfamily-threshold: 3\nsustain-months: 6\noutcomes: []\nspare: 1\n");
        assertThatThrownBy(() -> NeedCriteria.load(file, VOCABULARY))
                .isInstanceOf(NeedCriteria.InvalidCriteria.class)
                .hasMessageContaining("criteria.yaml:4: error: outcomes must list at least one outcome")
                .hasMessageContaining("criteria.yaml:5: error: unknown key 'spare'");
    }

    private List<LintProblem> lint(String text) throws IOException {
        return CriteriaLoader.load(write(text), VOCABULARY).problems();
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("criteria.yaml");
        Files.writeString(file, text);
        return file;
    }
}

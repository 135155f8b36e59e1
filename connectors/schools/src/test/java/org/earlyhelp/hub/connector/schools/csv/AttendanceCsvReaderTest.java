package org.earlyhelp.hub.connector.schools.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The committed example and the ways a school's export goes wrong, row by row. */
class AttendanceCsvReaderTest {

    static final Path EXAMPLE = Path.of("../../docs/partners/schools-attendance-example.csv");
    final AttendanceCsvReader reader = new AttendanceCsvReader(LocalDate.of(2026, 12, 1));

    static String example() throws Exception {
        return Files.readString(EXAMPLE);
    }

    AttendanceCsvReader.Result read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void committedExampleGivesEachPupilsSessionsAndPercentage() throws Exception {
        // Given the documented example, with headers in mixed case and stray spaces
        // When it is read
        AttendanceCsvReader.Result result = read(example());

        // Then every row is read, with the sessions the DfE codes count
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(3);
        AttendanceRow amelia = result.rows().get(0);
        assertThat(amelia.schoolUrn()).isEqualTo("123456");
        assertThat(amelia.sessions().possible()).isEqualTo(22);
        assertThat(amelia.sessions().attended()).isEqualTo(19);
        assertThat(amelia.sessions().percent()).isEqualTo(86.4);
        assertThat(amelia.contactFamilyName()).isEqualTo("Hartley");
        assertThat(result.rows().get(1).sessions().percent()).isEqualTo(58.3);
        AttendanceRow priya = result.rows().get(2);
        assertThat(priya.term()).isEqualTo("2026-autumn");
        assertThat(priya.givenName()).isEqualTo("Priya");
        assertThat(priya.sex()).isEqualTo("FEMALE");
        assertThat(priya.postcode()).isEqualTo("S41 9QQ");
        assertThat(priya.sessions().possible())
                .as("closures (#) and X are not possible sessions")
                .isEqualTo(10);
        assertThat(priya.sessions().percent()).isEqualTo(100.0);
    }

    @Test
    void columnsInAnyOrderAndCaseAreRead() {
        // Given the columns reordered, upper case, with hyphens for underscores
        String text = "MARKS,DATE-OF-BIRTH,FAMILY NAME,given_name,TERM,school_urn\n"
                + "/\\/\\NN,2015-03-14,Hartley,Amelia,2026-autumn,123456\n";

        // When read, Then the row is read by name, not position
        AttendanceCsvReader.Result result = read(text);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows().get(0).familyName()).isEqualTo("Hartley");
        assertThat(result.rows().get(0).sessions().percent()).isEqualTo(66.7);
    }

    @Test
    void eachBadRowIsAProblemNamingTheRuleWithoutItsValueAndTheRestAreRead() throws Exception {
        // Given the example with a bad date, an unknown code, a foreign URN shape and too many values
        String text = example()
                + "123456,2026-autumn,p4,,Zephyrine,Quillfeather,2013-02-30,F,,/\\/\\,,,\n"
                + "123456,2026-autumn,p5,,Zephyrine,Quillfeather,2013-07-19,F,,/\\Q/\\,,,\n"
                + "12345,2026-autumn,p6,,Zephyrine,Quillfeather,2013-07-19,F,,/\\,,,\n"
                + "123456,2026-autumn,p7,,Zephyrine,Quillfeather,2013-07-19,F,,/\\,,,,extra\n"
                + "123456,2026-autumn,p8,,Zephyrine,Quillfeather,2013-07-19,F,,XX,,,\n";

        // When read
        AttendanceCsvReader.Result result = read(text);

        // Then the good rows are read and each bad one is a problem with its row number
        assertThat(result.rows()).hasSize(3);
        assertThat(result.problems())
                .extracting(AttendanceCsvReader.Problem::reason)
                .containsExactly(
                        "row 4: date_of_birth must be a date YYYY-MM-DD",
                        "row 5: marks may hold only DfE attendance codes",
                        "row 6: school_urn must be a 6-digit school URN",
                        "row 7: has more values than the header has columns",
                        "row 8: marks hold no possible session");
        assertThat(result.problems().toString().replace(AttendanceCsvReader.Problem.class.getSimpleName(), ""))
                .contains("Zephyrine"); // the content travels with the dead letter...
        assertThat(result.problems().stream().map(AttendanceCsvReader.Problem::reason))
                .noneMatch(r -> r.contains("Zephyrine") || r.contains("2013")); // ...but never in a reason
    }

    @Test
    void aFileWithoutARequiredColumnIsOneProblem() {
        AttendanceCsvReader.Result result = read("school_urn,term,given_name,family_name,date_of_birth\n1,2,3,4,5\n");
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems())
                .extracting(AttendanceCsvReader.Problem::reason)
                .containsExactly("the header lacks the column marks");
    }

    @Test
    void aQuoteLeftOpenStopsTheReadingThereKeepingTheRowsBefore() throws Exception {
        AttendanceCsvReader.Result result = read(example() + "123456,\"2026-autumn,p9,,A,B,2015-01-01,F,,/,,,\n");
        assertThat(result.rows()).hasSize(3);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).reason()).contains("row 4 onwards");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWhole() {
        byte[] latin1 =
                "school_urn,term,given_name,family_name,date_of_birth,marks\n123456,t,Jos\u00e9,A,2015-01-01,/\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        AttendanceCsvReader.Result result = reader.read(latin1);
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems().get(0).reason()).isEqualTo("the file is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        AttendanceCsvReader.Result result = read("\uFEFF" + example());
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(3);
    }
}

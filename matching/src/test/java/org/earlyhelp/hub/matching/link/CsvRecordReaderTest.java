package org.earlyhelp.hub.matching.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {

    final CsvRecordReader reader = new CsvRecordReader(
            ColumnMapping.parse("id", List.of("first=forename", "last=surname", "dob=dob")), LocalDate.of(2026, 12, 1));

    @Test
    void aByteOrderMarkBeforeTheHeaderIsDropped() throws Exception {
        // Given a file saved by a spreadsheet, starting with a UTF-8 BOM
        String csv = "\uFEFFid,first,last,dob\n1,Ann,Lee,1990-01-02\n";

        // When it is read
        CsvRecordReader.Read read = reader.read("people.csv", new StringReader(csv), false);

        // Then the id column is found and the row read
        assertThat(read.problems()).isEmpty();
        assertThat(read.records()).extracting(PersonRecord::id).containsExactly("1");
    }

    @Test
    void anUnterminatedQuoteSkipsOnlyItsRowAndIsReportedWithoutTheValue() throws Exception {
        // Given a row whose surname opens a quote that is never closed, between two good rows
        String csv = "id,first,last,dob\n1,Ann,Lee,1990-01-02\n2,Bob,\"Secretname,1991-02-03\n3,Cat,Day,1992-03-04\n";

        // When it is read
        CsvRecordReader.Read read = reader.read("people.csv", new StringReader(csv), false);

        // Then the rows either side are read and the bad one is reported by file, line and column only
        assertThat(read.records()).extracting(PersonRecord::id).containsExactly("1", "3");
        assertThat(read.problems()).hasSize(1);
        RowProblem problem = read.problems().get(0);
        assertThat(problem.input()).isEqualTo("people.csv");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo("last");
        assertThat(problem.skipped()).isTrue();
        assertThat(problem.toString()).doesNotContain("Secretname").doesNotContain("Bob");
    }

    @Test
    void aQuotedCellMayHoldCommasQuotesAndLineBreaks() throws Exception {
        String csv = "id,first,last,dob\n1,\"Ann, \"\"Annie\"\"\",\"Lee\nJones\",1990-01-02\n2,Bob,Ray,\n";

        CsvRecordReader.Read read = reader.read("people.csv", new StringReader(csv), false);

        assertThat(read.problems()).isEmpty();
        assertThat(read.records()).hasSize(2);
        assertThat(read.records().get(0).forename()).isEqualTo("Ann, \"Annie\"");
        assertThat(read.records().get(1).id()).isEqualTo("2");
    }

    @Test
    void idsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText(@TempDir Path dir) throws Exception {
        // Given ids starting with each formula character
        assertThat(ClusterWriter.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ClusterWriter.safe("+1")).isEqualTo("'+1");
        assertThat(ClusterWriter.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(ClusterWriter.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ClusterWriter.safe("rec-1")).isEqualTo("rec-1");

        // When records with such ids are linked and written
        String csv = "id,first,last,dob\n=1+1,Ann,Lee,1990-01-02\n@x,Ann,Lee,1990-01-02\n";
        CsvRecordReader.Read read = reader.read("in.csv", new StringReader(csv), false);
        var result = new org.earlyhelp.hub.matching.engine.BatchLinker(
                        org.earlyhelp.hub.matching.engine.MatchSettings.standard(),
                        org.earlyhelp.hub.matching.engine.BatchLinker.Options.defaults()
                                .withTrain(false))
                .link(read.records(), org.earlyhelp.hub.matching.engine.BatchLinker.Progress.NONE);
        Path out = dir.resolve("clusters.csv");
        ClusterWriter.writeClusters(result, out);

        // Then no cell of the output starts with a formula character
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        for (String line : lines.subList(1, 3)) {
            for (String cell : line.split(",")) {
                assertThat(cell.replace("\"", "")).doesNotStartWith("=").doesNotStartWith("@");
            }
        }
        assertThat(lines.get(1)).contains("'=1+1");
    }

    @Test
    void aDateOfBirthGivenAsAYearAloneIsKeptAsTheYear() throws Exception {
        // Given a police-style row with the year of birth only, and one with an unreadable date
        String csv = "id,first,last,dob\n1,Ann,Lee,1985\n2,Bob,Ray,sometime\n";

        // When it is read
        CsvRecordReader.Read read = reader.read("people.csv", new StringReader(csv), false);

        // Then the year is kept (no full date, no problem reported) and only the unreadable one is reported
        PersonRecord first = read.records().get(0);
        assertThat(first.dateOfBirth()).isNull();
        assertThat(first.yearOfBirth()).isEqualTo(1985);
        assertThat(read.records().get(1).yearOfBirth()).isNull();
        assertThat(read.problems()).hasSize(1);
        assertThat(read.problems().get(0).line()).isEqualTo(3);
    }
}

package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTest {

    @Test
    void printsAColumnSummaryWithoutValuesAndTheParameterTableAndWritesAnHtmlReport(@TempDir Path dir)
            throws Exception {
        // Given a file with sex in several spellings and dates in several formats
        Path file = dir.resolve("people.csv");
        Files.writeString(
                file,
                """
                id,forename,surname,dob,sex,postcode
                1,Zebedee,Quartermain,1990-01-02,M,s41 7ab
                2,Zebedee,Quartermain,02/01/1990,1,S417AB
                3,Ann,Lee,3 Mar 1985,f,LS1 4AP
                4,Bob,Ray,not known,Male,
                """);
        Path report = dir.resolve("report.html");
        String[] args = {
            "link", "--input", file.toString(), "--id-column", "id", "--map", "forename=forename", "--map",
            "surname=surname", "--map", "dob=dob", "--map", "sex=sex", "--map", "postcode=postcode", "--no-train",
            "--output", dir.resolve("clusters.csv").toString(), "--report", report.toString()
        };

        // When linked
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(err));

        // Then the summary says how values were read, names no value, and the parameters are printed and reported
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("columns:")
                .contains("sex: 100.0% filled (4 of 4), 4 distinct; 4 spellings read as 2 values")
                .contains("unreadable dates")
                .contains("parameters (prior weight")
                .contains("POSTCODE_ONLY")
                .doesNotContain("Zebedee")
                .doesNotContain("Quartermain");
        assertThat(Files.readString(report))
                .contains("<svg")
                .contains("date_of_birth")
                .doesNotContain("Zebedee");
    }

    @Test
    void linksAwkwardlyWrittenRecordsKeepsTwinsApartAndReportsBadRowsWithoutTheirValues(@TempDir Path dir)
            throws Exception {
        // Given two files with mixed case, stray spaces, four date formats, a twin, a bad date and a row without an id
        Path council = dir.resolve("council.csv");
        Files.writeString(
                council,
                """
                 ID , First Name, Surname, DOB, Postcode, Address
                a1, Jonathan , SMITH, 1989-03-03, s41 7ab, 12 Oak Road
                a2, jonathan, Smith , 03/03/89, S417AB, 12 oak rd
                a3, Jon, smith, 3 March 1989, S41 7AB, 12 Oak Road
                a4, Sarah, Smith, 1989-03-03, S41 7AB, 12 Oak Road
                a5, Priya, Patel, 2001-07-12, M1 1AE, 3 Mill Lane
                a6, Tom, Jones, 31/02/2001, LS1 4AP, 1 High Street
                , Nobody, Noone, 2001-01-01, LS1 4AP, 2 High Street
                """);
        Path school = dir.resolve("school.csv");
        Files.writeString(
                school,
                """
                id,first name,surname,dob,postcode,address
                b1,JONATHAN,SMITH,19890303,S41 7AB,12 Oak Road
                """);
        Path output = dir.resolve("clusters.csv");
        List<String> maps = List.of(
                "--map", "first name=forename",
                "--map", "surname=surname",
                "--map", "dob=dob",
                "--map", "postcode=postcode",
                "--map", "address=address");
        String[] args = concat(
                List.of("link", "--input", council.toString(), "--input", school.toString(), "--id-column", "id"),
                maps,
                List.of("--no-train", "--output", output.toString()));

        // When they are linked with the shipped settings
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(err));

        // Then every record has a cluster, Jonathan's four records share one, the twin and the others do not
        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("input,record_id,cluster_id");
        Map<String, String> cluster = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            cluster.put(cells[1], cells[2]);
        }
        assertThat(cluster).containsOnlyKeys("a1", "a2", "a3", "a4", "a5", "a6", "b1");
        assertThat(List.of(cluster.get("a2"), cluster.get("a3"), cluster.get("b1")))
                .containsOnly(cluster.get("a1"));
        assertThat(cluster.get("a4")).isNotEqualTo(cluster.get("a1"));
        assertThat(cluster.get("a5")).isNotIn(cluster.get("a1"), cluster.get("a4"));
        assertThat(out.toString()).contains("twins kept apart");

        // And the bad rows are named by file, line and column, never by value
        assertThat(err.toString())
                .contains("council.csv line 7, column dob: not a date (value ignored)")
                .contains("council.csv line 8, column id: no id (row skipped)")
                .doesNotContain("31/02/2001")
                .doesNotContain("Nobody");
    }

    @Test
    void anUnknownFieldIsAnErrorThatListsTheFields(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "id,name\n1,x\n");
        StringWriter err = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {
                    "link",
                    "--input",
                    input.toString(),
                    "--id-column",
                    "id",
                    "--map",
                    "name=nom",
                    "--output",
                    dir.resolve("o.csv").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown field 'nom'").contains("forename");
    }

    private static String[] concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toArray(String[]::new);
    }
}

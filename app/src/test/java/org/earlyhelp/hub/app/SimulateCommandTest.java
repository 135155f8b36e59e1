package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void simulateExtractsWritesOneFilePerPartnerWithGroundTruth(@TempDir Path dir) throws Exception {
        // When a small set of extracts is simulated
        StringWriter out = new StringWriter();
        int status = run(out, "simulate", "extracts", "--people", "400", "--seed", "7", "--output", dir.toString());

        // Then each partner's file, the relationships and the truth are written
        assertThat(status).as(out.toString()).isZero();
        for (String name : List.of("schools", "health", "police", "housing", "case_system")) {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
            assertThat(lines.get(0)).startsWith("record_id,").contains("true_person_id,true_family_id");
            assertThat(lines).hasSizeGreaterThan(10);
            assertThat(lines.get(1)).startsWith(name + "-");
        }
        assertThat(Files.readAllLines(dir.resolve("case_system_relationships.csv"))
                        .get(0))
                .isEqualTo("parent_record_id,child_record_id,relationship");
        assertThat(Files.readAllLines(dir.resolve("truth.csv")).get(0))
                .isEqualTo("input,record_id,true_person_id,true_family_id");
        assertThat(out.toString()).contains("schools.csv").contains("records");
    }

    @Test
    void theMessyUkProfileWritesNoAddressLinesAndMixedFormats(@TempDir Path dir) throws Exception {
        // When extracts are simulated with the messy UK profile
        StringWriter out = new StringWriter();
        int status = run(
                out,
                "simulate",
                "extracts",
                "--people",
                "400",
                "--seed",
                "7",
                "--output",
                dir.toString(),
                "--profile",
                "messy-uk");

        // Then no file has address columns, and dates, sex and postcodes come in several forms
        assertThat(status).as(out.toString()).isZero();
        java.util.Set<String> dateShapes = new java.util.HashSet<>();
        java.util.Set<String> sexes = new java.util.HashSet<>();
        for (String name : List.of("schools", "health", "police", "housing", "case_system")) {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
            List<String> header = List.of(lines.get(0).split(",", -1));
            assertThat(header).doesNotContain("address", "address_1", "address_2", "town", "uprn");
            int dob = header.indexOf("dob");
            int sex = header.indexOf("sex");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (dob >= 0 && cells.length == header.size() && !cells[dob].isEmpty()) {
                    dateShapes.add(cells[dob].replaceAll("[0-9]", "9").replaceAll("[A-Za-z]", "a"));
                }
                if (sex >= 0 && cells.length == header.size()) {
                    sexes.add(cells[sex]);
                }
            }
        }
        assertThat(dateShapes.size()).isGreaterThanOrEqualTo(4);
        assertThat(sexes).contains("1", "2").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void simulatePeopleStreamsTheAskedNumberOfRecords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.csv");
        StringWriter out = new StringWriter();
        int status = run(out, "simulate", "people", "--records", "5000", "--seed", "7", "--output", file.toString());
        assertThat(status).as(out.toString()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(5_001);
    }

    @Test
    void badArgumentsGiveAUsageError() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "simulate", "people", "--records", "many", "--output", "x.csv"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("--records").contains("Usage:");
        StringWriter out2 = new StringWriter();
        assertThat(run(out2, "simulate", "extracts", "--people", "0", "--output", "x"))
                .isEqualTo(2);
        assertThat(out2.toString()).contains("--people must be between 1 and 400000");
        assertThat(HubCommandLine.isCommand(new String[] {"simulate", "people"}))
                .isTrue();
    }

    private static int run(StringWriter out, String... args) {
        return HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
    }
}

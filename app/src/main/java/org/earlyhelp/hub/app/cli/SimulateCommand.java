package org.earlyhelp.hub.app.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.earlyhelp.hub.simulator.extracts.ExtractWriter;
import org.earlyhelp.hub.simulator.extracts.MessyUk;
import org.earlyhelp.hub.simulator.extracts.PartnerExtracts;
import org.earlyhelp.hub.simulator.extracts.PeopleStream;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hub simulate ...}: synthetic partner data with ground truth, for measuring the matcher. */
@Command(
        name = "simulate",
        description = "Write synthetic partner data with ground truth, for measuring the matcher.",
        subcommands = {SimulateCommand.Extracts.class, SimulateCommand.People.class})
final class SimulateCommand {

    /** Fixed by default so that the same seed gives the same files on any day. */
    static final String DEFAULT_AS_OF = "2026-01-01";

    /** The synthetic families average about four members each. */
    private static final double PEOPLE_PER_FAMILY = 4.0;

    @Command(
            name = "extracts",
            description = "One CSV per partner (schools, health, police, housing, case_system), the case system's"
                    + " relationships and truth.csv, with realistic recording errors.")
    static final class Extracts implements Callable<Integer> {
        @Option(names = "--people", required = true, description = "about how many people (1 to 400000)")
        int people;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default: 1)")
        long seed;

        @Option(names = "--output", required = true, description = "directory to write, e.g. target/extracts")
        Path output;

        @Option(names = "--as-of", defaultValue = DEFAULT_AS_OF, description = "reference date (default: 2026-01-01)")
        LocalDate asOf;

        @Option(
                names = "--profile",
                defaultValue = "standard",
                description = "standard, or messy-uk: no address lines, DOB in several formats, sex as 1/2/M/F/Male/f,"
                        + " postcodes in any case and spacing")
        String profile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!profile.equals("standard") && !profile.equals("messy-uk")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--profile must be standard or messy-uk: " + profile);
            }
            int families = (int) Math.ceil(people / PEOPLE_PER_FAMILY);
            if (people < 1 || families > SyntheticPopulation.MAX_FAMILIES) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--people must be between 1 and 400000: " + people);
            }
            PartnerExtracts extracts = PartnerExtracts.of(SyntheticPopulation.generate(seed, families, asOf));
            List<Path> files =
                    ExtractWriter.write(extracts, output, profile.equals("messy-uk") ? new MessyUk(seed) : null);
            PrintWriter out = spec.commandLine().getOut();
            extracts.rows()
                    .forEach((partner, rows) -> out.printf(
                            "%-40s %,d records%n", output.resolve(ExtractWriter.fileName(partner)), rows.size()));
            out.printf(
                    "%-40s %,d links%n",
                    output.resolve(ExtractWriter.RELATIONSHIPS_FILE),
                    extracts.relationships().size());
            out.printf("wrote %d files for %,d families (seed %d, as of %s)%n", files.size(), families, seed, asOf);
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "people",
            description = "One large CSV of person records, about a quarter of people appearing two or three times,"
                    + " streamed so memory stays flat.")
    static final class People implements Callable<Integer> {
        @Option(names = "--records", required = true, description = "how many records, e.g. 1000000")
        long records;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default: 1)")
        long seed;

        @Option(names = "--output", required = true, description = "the CSV file to write, e.g. target/people-1m.csv")
        Path output;

        @Option(names = "--as-of", defaultValue = DEFAULT_AS_OF, description = "reference date (default: 2026-01-01)")
        LocalDate asOf;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (records < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--records must be at least 1: " + records);
            }
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            long start = System.nanoTime();
            long people;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 20)) {
                people = PeopleStream.write(seed, records, asOf, out);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "wrote %,d records about %,d people to %s in %.1f s (seed %d)%n",
                    records, people, output, (System.nanoTime() - start) / 1e9, seed);
            out.flush();
            return 0;
        }
    }
}

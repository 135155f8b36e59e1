package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.index.BulkLoader;
import org.earlyhelp.hub.matching.index.CsvPersonReader;
import org.earlyhelp.hub.matching.index.Relinker;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.flywaydb.core.Flyway;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hub index load|relink}: bulk-load a file of person records into the person index, and relink the whole index
 * with the batch linker. Both run against the hub's database (the embedded one under {@code --data-dir} unless
 * {@code --jdbc-url} is given; stop the hub first when embedded) and print counts only, never personal data.
 */
@Command(
        name = "index",
        description = "Work with the person index.",
        subcommands = {IndexCommand.Load.class, IndexCommand.Relink.class})
final class IndexCommand {

    /** Where the database is, as {@code ledger verify} finds it. */
    static final class Database {
        @Mixin
        DatabaseOptions location;

        @Option(
                names = "--settings",
                description = "match settings JSON (default: the shipped settings the hub resolves with)")
        Path settings;

        interface Work {
            int run(DataSource dataSource, BatchLinker linker, StandardMatcher matcher) throws Exception;
        }

        int withDatabase(PrintWriter out, Work work) throws Exception {
            return location.withDatabase(out, ds -> {
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                MatchSettings used = settings == null ? MatchSettings.standard() : MatchSettings.load(settings);
                // the index's own settings, untrained, with the household rules: a load and a relink judge pairs as
                // the person index judges an arriving record (the same LinkRule, prior and thresholds)
                BatchLinker linker = new BatchLinker(
                        used, BatchLinker.Options.defaults().withTrain(false).withHouseholds(true));
                return work.run(ds, linker, new StandardMatcher(used));
            });
        }
    }

    @Command(
            name = "load",
            description = "Load a CSV of person records into the person index; the batch linker decides who is who."
                    + " The default mapping reads the file of 'hub simulate people'. Records already indexed are"
                    + " skipped; run 'index relink' afterwards to join the new people to those indexed before.")
    static final class Load implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "the CSV file, with a header")
        Path input;

        @Option(names = "--id-column", defaultValue = "record_id", description = "default: record_id")
        String idColumn;

        @Option(names = "--source-column", defaultValue = "partner", description = "default: partner")
        String sourceColumn;

        @Option(names = "--source", description = "one source for every record, instead of --source-column")
        String source;

        @Option(
                names = "--map",
                description = "field=column, repeatable, e.g. forename=first_name or address=address_1+address_2;"
                        + " fields: forename, middle_names, surname, dob, sex, address, town, postcode, uprn,"
                        + " nhs_number, upn, other_identifier, email, phone")
        Map<String, String> map = Map.of();

        @Option(names = "--as-of", description = "today, for two-digit years of birth (default: today)")
        LocalDate asOf;

        @Option(names = "--quiet", description = "no progress bar (it is written to stderr)")
        boolean quiet;

        @Mixin
        Database database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            CsvPersonReader.Mapping simulator = CsvPersonReader.Mapping.simulator(
                    org.earlyhelp.hub.connector.api.Connectors.discover().educationProviders());
            CsvPersonReader.Mapping mapping = new CsvPersonReader.Mapping(
                    idColumn,
                    source == null ? sourceColumn : null,
                    source,
                    simulator.fields(),
                    simulator.educationSources());
            for (Map.Entry<String, String> e : map.entrySet()) {
                mapping = mapping.with(e.getKey(), e.getValue());
            }
            List<PersonRecord> records = CsvPersonReader.readAll(input, mapping, asOf == null ? LocalDate.now() : asOf);
            return database.withDatabase(out, (ds, linker, matcher) -> {
                BulkLoader.Summary s;
                try (ProgressBars bars = new ProgressBars(!quiet && records.size() >= ProgressBars.FROM_RECORDS)) {
                    s = new BulkLoader(ds, matcher, linker, Clock.systemUTC()).load(records, bars);
                }
                out.printf(
                        "loaded %,d records (%,d already indexed, skipped) as %,d people; %,d linked to another"
                                + " record, %,d review pairs, %,d blocking keys, %,d household rows;"
                                + " linking %.1f s, writing %.1f s%n",
                        s.records(),
                        s.skipped(),
                        s.persons(),
                        s.linked(),
                        s.reviews(),
                        s.blockKeys(),
                        s.households(),
                        s.linking().toMillis() / 1e3,
                        s.writing().toMillis() / 1e3);
                out.flush();
                return 0;
            });
        }
    }

    @Command(
            name = "relink",
            description = "Run the batch linker over every record in the index: people it puts together are merged"
                    + " (MERGE events by 'batch-relink'), never across a pair kept apart or twins; review pairs are"
                    + " queued. It never splits a person. Running it twice changes nothing the second time.")
    static final class Relink implements Callable<Integer> {
        @Option(names = "--quiet", description = "no progress bar (it is written to stderr)")
        boolean quiet;

        @Mixin
        Database database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return database.withDatabase(out, (ds, linker, matcher) -> {
                Relinker.Summary s;
                try (ProgressBars bars = new ProgressBars(!quiet)) {
                    s = new Relinker(ds, linker, Clock.systemUTC()).relinkAll(bars);
                }
                out.printf(
                        "relinked %,d records in %,d clusters: %,d people merged, %,d merges refused (kept apart or"
                                + " twins), %,d review pairs queued; linking %.1f s, applying %.1f s%n",
                        s.records(),
                        s.clusters(),
                        s.merges(),
                        s.mergesRefused(),
                        s.reviews(),
                        s.linking().toMillis() / 1e3,
                        s.applying().toMillis() / 1e3);
                out.flush();
                return 0;
            });
        }
    }
}

package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.control.DisclosureProfile;
import org.earlyhelp.hub.analytics.criteria.CriteriaLoader;
import org.earlyhelp.hub.analytics.criteria.CriteriaVocabulary;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.report.Areas;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.analytics.report.NeedsReportWriter;
import org.earlyhelp.hub.app.analytics.NeedsAnalytics;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hub analytics needs|lint}: where needs are greatest, from the hub's database (the embedded one under {@code
 * --data-dir} unless {@code --jdbc-url}; stop the hub first when embedded), and the check of a criteria file. What it
 * writes is counts after disclosure control: nothing names or identifies anyone.
 */
@Command(
        name = "analytics",
        description = "Family needs for analysts: identification by criteria kept as data, after disclosure control.",
        subcommands = {
            AnalyticsCommand.Needs.class,
            AnalyticsCommand.Export.class,
            AnalyticsCommand.ScorecardCommand.class,
            AnalyticsCommand.EvidenceCommand.class,
            AnalyticsCommand.Lint.class
        })
final class AnalyticsCommand {

    static FieldCatalogue catalogue() {
        return NeedsAnalytics.catalogue(Connectors.discover(HubCommandLine.CLI_SETTINGS));
    }

    /**
     * The vocabulary, knowing which record types the agreements in {@code agreements} keep (a directory that does not
     * load keeps its types unknown: no warning is made of them).
     */
    static CriteriaVocabulary vocabulary(FieldCatalogue catalogue, Path agreements) {
        List<org.earlyhelp.hub.governance.agreement.Agreement> loaded = null;
        if (agreements != null && java.nio.file.Files.isDirectory(agreements)) {
            try {
                loaded = org.earlyhelp.hub.governance.agreement.AgreementLoader.loadDirectory(agreements);
            } catch (RuntimeException e) {
                loaded = null;
            }
        }
        return NeedsAnalytics.vocabulary(
                catalogue, Connectors.discover(HubCommandLine.CLI_SETTINGS), loaded, LocalDate.now(ZoneOffset.UTC));
    }

    static NeedCriteria criteria(Path file, CriteriaVocabulary vocabulary) {
        return NeedsAnalytics.criteria(file, vocabulary);
    }

    /** The progress bar of an analysis, shown from {@link ProgressBars#FROM_RECORDS} people. */
    static NeedsAnalytics.Progress progress(ProgressBars bars) {
        return (read, people) -> {
            if (read % 1000 == 0 && people >= ProgressBars.FROM_RECORDS) {
                bars.update("records read", read, Math.max(read, people));
            }
        };
    }

    /** Brings an external database's schema up to date (the embedded one already is); reads need its tables. */
    static void migrate(javax.sql.DataSource ds) {
        org.flywaydb.core.Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** What the commands that publish tables share: the criteria, the disclosure control, the areas, the bar. */
    static final class Published {
        @Option(names = "--criteria", description = "needs criteria YAML (default: the shipped ten outcomes)")
        Path criteria;

        @Option(
                names = "--disclosure-control",
                description = "disclosure-control profile YAML (default: suppress 1 to 7, round to 5, secondary)")
        Path profile;

        @Option(names = "--wards", description = "CSV of postcode,ward to count by ward instead of postcode district")
        Path wards;

        @Option(names = "--quiet", description = "no progress bar")
        boolean quiet;

        DisclosureControl control() throws java.io.IOException {
            return new DisclosureControl(profile == null ? DisclosureProfile.DEFAULT : DisclosureProfile.read(profile));
        }

        Areas areas() throws java.io.IOException {
            return wards == null ? Areas.postcodeDistricts() : Areas.wards(wards);
        }
    }

    @Command(
            name = "needs",
            description = "Count people and families with each need by area and by month, as CSV tables and SVG"
                    + " charts after disclosure control, into --output.")
    static final class Needs implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--output", required = true, description = "directory to write, e.g. target/needs")
        Path output;

        @Option(names = "--as-at", description = "the date to identify needs as at (default: today)")
        LocalDate asAt;

        @Option(names = "--months", defaultValue = "12", description = "months of trend (default: 12)")
        int months;

        @Option(
                names = "--agreements",
                defaultValue = "agreements",
                description = "the agreements directory, to warn of record types no agreement keeps (default:"
                        + " agreements)")
        Path agreements;

        @Mixin
        Published published;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (months < 1 || months > 60) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--months must be 1 to 60: " + months);
            }
            FieldCatalogue catalogue = catalogue();
            NeedCriteria used;
            try {
                CriteriaVocabulary vocabulary = vocabulary(catalogue, agreements);
                used = criteria(published.criteria, vocabulary);
                CriteriaLoader.Result linted =
                        published.criteria == null ? null : CriteriaLoader.load(published.criteria, vocabulary);
                if (linted != null) {
                    linted.problems().forEach(p -> spec.commandLine().getErr().println(p));
                }
            } catch (NeedCriteria.InvalidCriteria e) {
                out.println(e.getMessage());
                out.flush();
                return 1;
            }
            DisclosureControl control = published.control();
            Areas areas = published.areas();
            LocalDate day = asAt == null ? LocalDate.now(ZoneOffset.UTC) : asAt;
            return database.withDatabase(out, ds -> {
                migrate(ds);
                NeedsAnalytics analytics = new NeedsAnalytics(ds, new RecordCodec(SchemaRegistry.load()), catalogue);
                NeedsAnalysis.Result result;
                try (ProgressBars bars = new ProgressBars(!published.quiet)) {
                    result = analytics.analyse(used, areas, day, months, progress(bars));
                }
                List<Path> files = NeedsReportWriter.write(result, used, control, output);
                // only the files' counts are protected, so nothing else is printed but how much was read
                out.printf(
                        "as at %s: %,d people in the person index; tables after disclosure control in:%n",
                        day, result.people());
                files.forEach(f -> out.println(f));
                out.flush();
                return 0;
            });
        }
    }

    @Command(
            name = "export",
            description = "The pseudonymised family-needs dataset, under an analytics agreement, for one project: CSV"
                    + " or Parquet, with a data dictionary, an as-at date and a crosswalk of changed pseudonyms. Ledgered (EXPORT);"
                    + " refused and ledgered as a DENY without an agreement that licenses it.")
    static final class Export implements Callable<Integer> {
        static final String KEY_ENV = "HUB_PSEUDONYMISATION_KEY";

        @Mixin
        DatabaseOptions database;

        @Mixin
        LedgerOptions ledger;

        @Option(names = "--agreement", required = true, description = "the analytics agreement's id")
        String agreement;

        @Option(names = "--project", required = true, description = "a project the agreement names")
        String project;

        @Option(names = "--format", defaultValue = "csv", description = "csv (default) or parquet")
        String format;

        @Option(names = "--output", required = true, description = "directory to write, e.g. target/export")
        Path output;

        @Option(names = "--analyst", required = true, description = "who is exporting, for the ledger")
        String analyst;

        @Option(
                names = "--organisation",
                description = "the analyst's organisation, a recipient of the agreement (default: its only"
                        + " recipient, when it has one)")
        String organisation;

        @Option(names = "--agreements", defaultValue = "agreements", description = "the agreements directory")
        Path agreements;

        @Option(names = "--as-at", description = "the date to identify needs as at (default: today)")
        LocalDate asAt;

        @Option(names = "--criteria", description = "needs criteria YAML (default: the shipped ten outcomes)")
        Path criteria;

        @Option(
                names = "--pseudonymisation-key-file",
                description = "file holding the hub's pseudonymisation key in base64 (or set " + KEY_ENV + ");"
                        + " the embedded run's key when neither is given")
        Path keyFile;

        @Option(names = "--quiet", description = "no progress bar")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            org.earlyhelp.hub.analytics.export.DatasetFormat fileFormat;
            try {
                fileFormat = org.earlyhelp.hub.analytics.export.DatasetFormat.of(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            FieldCatalogue catalogue = catalogue();
            NeedCriteria used = criteria(criteria, CriteriaVocabulary.of(catalogue));
            List<org.earlyhelp.hub.governance.agreement.Agreement> loaded =
                    org.earlyhelp.hub.governance.agreement.AgreementLoader.loadDirectory(agreements);
            if (organisation == null) {
                organisation = loaded.stream()
                        .filter(a -> a.id().equals(agreement) && a.recipients().size() == 1)
                        .map(a -> a.recipients().get(0))
                        .findFirst()
                        .orElse("(none given)"); // the release refuses it as no recipient, ledgered as a DENY
            }
            org.earlyhelp.hub.governance.ledger.ChainKey chainKey = ledger.chainKey(database.dataDir);
            org.earlyhelp.hub.governance.minimise.Pseudonymiser pseudonymiser =
                    pseudonymiser(keyFile, database.jdbcUrl == null);
            LocalDate day = asAt == null ? LocalDate.now(ZoneOffset.UTC) : asAt;
            return database.withDatabase(out, ds -> {
                migrate(ds);
                java.time.Clock clock = java.time.Clock.systemUTC();
                org.earlyhelp.hub.governance.dataset.DatasetRelease release =
                        new org.earlyhelp.hub.governance.dataset.DatasetRelease(
                                () -> loaded,
                                pseudonymiser,
                                new org.earlyhelp.hub.governance.ledger.DisclosureLedger(ds, clock, chainKey),
                                clock);
                NeedsAnalytics analytics = new NeedsAnalytics(ds, new RecordCodec(SchemaRegistry.load()), catalogue);
                NeedsAnalytics.Export export;
                try (ProgressBars bars = new ProgressBars(!quiet)) {
                    export = analytics.export(
                            release,
                            agreement,
                            project,
                            organisation,
                            "analyst:" + analyst + " (" + organisation + ")",
                            used,
                            day,
                            progress(bars));
                } catch (org.earlyhelp.hub.governance.dataset.DatasetRefused e) {
                    out.println("refused: " + e.getMessage() + " (ledgered as a DENY)");
                    out.flush();
                    return 1;
                }
                org.earlyhelp.hub.governance.dataset.DatasetRelease.Released released = export.released();
                List<Path> files = export.write(output, analyst + " (" + organisation + ")", fileFormat);
                out.printf(
                        "as at %s: %,d rows under %s version %d, project %s (ledgered):%n",
                        day,
                        released.rows().size(),
                        released.agreement().id(),
                        released.agreement().version(),
                        project);
                files.forEach(f -> out.println(f));
                out.flush();
                return 0;
            });
        }

        /**
         * The hub's pseudonymisation key: from {@value #KEY_ENV} (as {@code hub.pseudonymisation.key} is set for the
         * hub), or for the embedded run its development key, as the embedded hub uses.
         */
        static org.earlyhelp.hub.governance.minimise.Pseudonymiser pseudonymiser(Path keyFile, boolean embedded)
                throws Exception {
            String fromEnv =
                    keyFile != null ? java.nio.file.Files.readString(keyFile).strip() : System.getenv(KEY_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return new org.earlyhelp.hub.governance.minimise.Pseudonymiser(
                        org.earlyhelp.hub.app.config.KeyMaterial.decode(KEY_ENV, fromEnv, embedded));
            }
            if (!embedded) {
                throw new IllegalStateException(
                        KEY_ENV + " must hold the hub's pseudonymisation key (hub.pseudonymisation.key) for an"
                                + " external database");
            }
            try (java.io.InputStream in = AnalyticsCommand.class.getResourceAsStream("/application.yml")) {
                String key = new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(in)
                        .path("hub")
                        .path("pseudonymisation")
                        .path("key")
                        .asText();
                return new org.earlyhelp.hub.governance.minimise.Pseudonymiser(
                        org.earlyhelp.hub.app.config.KeyMaterial.decode("hub.pseudonymisation.key", key, true));
            }
        }
    }

    @Command(
            name = "scorecard",
            description = "The early help scorecard by month and area (children in early help per 10,000 under-18s,"
                    + " re-referrals, social care after early help, step-ups and step-downs, days from enquiry to"
                    + " support, families identified and engaged), as CSV after disclosure control, into --output.")
    static final class ScorecardCommand implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--from", required = true, description = "first month, YYYY-MM")
        java.time.YearMonth from;

        @Option(names = "--to", required = true, description = "last month, YYYY-MM")
        java.time.YearMonth to;

        @Option(names = "--output", required = true, description = "directory to write, e.g. target/scorecard")
        Path output;

        @Option(
                names = "--population",
                description = "CSV of area,under-18s (ONS mid-year estimates summed to the areas) for the rate per"
                        + " 10,000; without it the rate is left blank")
        Path population;

        @Mixin
        Published published;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (to.isBefore(from) || from.plusMonths(60).isBefore(to)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--from must come before --to, at most 60 months apart");
            }
            FieldCatalogue catalogue = catalogue();
            NeedCriteria used;
            try {
                used = criteria(published.criteria, CriteriaVocabulary.of(catalogue));
            } catch (NeedCriteria.InvalidCriteria e) {
                out.println(e.getMessage());
                out.flush();
                return 1;
            }
            java.util.Map<String, Long> under18s;
            try {
                under18s = population == null
                        ? java.util.Map.of()
                        : org.earlyhelp.hub.analytics.report.ScorecardWriter.population(population);
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
                out.flush();
                return 1;
            }
            DisclosureControl control = published.control();
            Areas areas = published.areas();
            return database.withDatabase(out, ds -> {
                migrate(ds);
                NeedsAnalytics analytics = new NeedsAnalytics(ds, new RecordCodec(SchemaRegistry.load()), catalogue);
                org.earlyhelp.hub.analytics.report.Scorecard.Result result;
                try (ProgressBars bars = new ProgressBars(!published.quiet)) {
                    result = analytics.scorecard(used, areas, from, to, progress(bars));
                }
                List<Path> files =
                        org.earlyhelp.hub.analytics.report.ScorecardWriter.write(result, control, under18s, output);
                out.printf("scorecard %s to %s after disclosure control in:%n", from, to);
                files.forEach(f -> out.println(f));
                out.flush();
                return 0;
            });
        }
    }

    @Command(
            name = "evidence",
            description = "An auditor's evidence pack for one family: each member's needs with status and outcome"
                    + " clock, the records behind them, how each was joined to the person, and the ledger entries"
                    + " naming them with their hashes, into --output. Name the family by a member's person id, or by"
                    + " a person or family pseudonym of a project's export. Ledgered (QUERY).")
    static final class EvidenceCommand implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        LedgerOptions ledger;

        @Option(names = "--person", description = "the person id of any member of the family")
        String person;

        @Option(
                names = "--pseudonym",
                description = "a person or family pseudonym from an export (with --agreement and --project)")
        String pseudonym;

        @Option(
                names = "--listed",
                description = "instead of one family's pack, the list of every family listed (at three or more"
                        + " needs), with the needs and who has each: listed-families.csv")
        boolean listed;

        @Option(names = "--quiet", description = "no progress bar (for --listed)")
        boolean quiet;

        @Option(names = "--agreement", description = "the analytics agreement the pseudonym's export was under")
        String agreement;

        @Option(names = "--project", description = "the project the pseudonym's export was for")
        String project;

        @Option(names = "--auditor", required = true, description = "who is auditing, for the ledger")
        String auditor;

        @Option(names = "--output", required = true, description = "directory to write, e.g. target/evidence")
        Path output;

        @Option(names = "--as-at", description = "the date to identify needs as at (default: today)")
        LocalDate asAt;

        @Option(names = "--criteria", description = "needs criteria YAML (default: the shipped ten outcomes)")
        Path criteria;

        @Option(
                names = "--pseudonymisation-key-file",
                description = "file holding the hub's pseudonymisation key in base64, for --pseudonym (or set "
                        + Export.KEY_ENV + "); the embedded run's key when neither is given")
        Path keyFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if ((person != null ? 1 : 0) + (pseudonym != null ? 1 : 0) + (listed ? 1 : 0) != 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "give one of --person, --pseudonym or --listed");
            }
            if (pseudonym != null && (agreement == null || project == null)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--pseudonym needs the --agreement and --project of its export");
            }
            if (person != null && !person.matches("[0-9a-fA-F-]{36}")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--person must be a person id (a UUID, as the person index gives it)");
            }
            FieldCatalogue catalogue = catalogue();
            NeedCriteria used;
            try {
                used = criteria(criteria, CriteriaVocabulary.of(catalogue));
            } catch (NeedCriteria.InvalidCriteria e) {
                out.println(e.getMessage());
                out.flush();
                return 1;
            }
            org.earlyhelp.hub.governance.ledger.ChainKey chainKey = ledger.chainKey(database.dataDir);
            var checkpoints = ledger.checkpoints(database.dataDir, chainKey);
            org.earlyhelp.hub.governance.minimise.Pseudonymiser pseudonymiser =
                    pseudonym == null ? null : Export.pseudonymiser(keyFile, database.jdbcUrl == null);
            LocalDate day = asAt == null ? LocalDate.now(ZoneOffset.UTC) : asAt;
            return database.withDatabase(out, ds -> {
                migrate(ds);
                NeedsAnalytics analytics = new NeedsAnalytics(ds, new RecordCodec(SchemaRegistry.load()), catalogue);
                var disclosures = new org.earlyhelp.hub.governance.ledger.DisclosureLedger(
                        ds, java.time.Clock.systemUTC(), chainKey);
                if (listed) {
                    List<org.earlyhelp.hub.analytics.needs.FamilyNeeds> families;
                    try (ProgressBars bars = new ProgressBars(!quiet)) {
                        families = analytics.listed(used, day, disclosures, "auditor:" + auditor, progress(bars));
                    }
                    Path file = org.earlyhelp.hub.analytics.report.EvidencePackWriter.listed(families, output);
                    out.printf(
                            "as at %s: %,d families listed at %d or more needs (ledgered):%n%s%n",
                            day, families.size(), used.familyThreshold(), file);
                    out.flush();
                    return 0;
                }
                String member = person != null
                        ? person.toLowerCase(java.util.Locale.ROOT)
                        : analytics
                                .memberOf(pseudonymiser, agreement, project, pseudonym)
                                .orElse(null);
                var pack = analytics.evidence(
                        used, member, day, disclosures, "auditor:" + auditor, person != null ? "person" : "pseudonym");
                if (pack.isEmpty()) {
                    out.println(
                            person != null
                                    ? "no one in the person index has that id (the search is ledgered)"
                                    : "no one in the person index has that pseudonym under " + agreement + ", project "
                                            + project + " (the search is ledgered)");
                    out.flush();
                    return 1;
                }
                var verified =
                        new org.earlyhelp.hub.governance.ledger.LedgerVerifier(ds, chainKey, checkpoints).verify();
                String check = verified.intact()
                        ? "the chain verified intact when the pack was made (" + verified.checked() + " entries)"
                        : "THE CHAIN DID NOT VERIFY when the pack was made: " + verified.why();
                List<Path> files =
                        org.earlyhelp.hub.analytics.report.EvidencePackWriter.write(pack.get(), used, check, output);
                org.earlyhelp.hub.analytics.report.EvidencePackWriter.summary(pack.get(), used)
                        .forEach(out::println);
                out.println("ledger: " + check);
                files.forEach(f -> out.println(f));
                out.flush();
                return verified.intact() ? 0 : 2;
            });
        }
    }

    @Command(name = "lint", description = "Check a needs criteria file; errors name the file, the line and the fix.")
    static final class Lint implements Callable<Integer> {
        @Parameters(index = "0", description = "the criteria YAML, e.g. needs-criteria.yaml")
        Path file;

        @Option(
                names = "--agreements",
                defaultValue = "agreements",
                description = "the agreements directory, to warn of record types no agreement keeps (default:"
                        + " agreements)")
        Path agreements;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CriteriaLoader.Result result = CriteriaLoader.load(file, vocabulary(catalogue(), agreements));
            result.problems().forEach(p -> out.println(p));
            long errors =
                    result.problems().stream().filter(LintProblem::isError).count();
            out.printf(
                    "%d error(s), %d warning(s) in %s%n",
                    errors, result.problems().size() - errors, file);
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }
}

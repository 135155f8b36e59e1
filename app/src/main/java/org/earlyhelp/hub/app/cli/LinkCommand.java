package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.engine.TrainingCheck;
import org.earlyhelp.hub.matching.link.ClusterWriter;
import org.earlyhelp.hub.matching.link.ColumnMapping;
import org.earlyhelp.hub.matching.link.ColumnProfile;
import org.earlyhelp.hub.matching.link.CsvRecordReader;
import org.earlyhelp.hub.matching.link.Field;
import org.earlyhelp.hub.matching.link.ParameterReport;
import org.earlyhelp.hub.matching.link.RowProblem;
import org.earlyhelp.hub.matching.model.PersonRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hub link}: deduplicate and link CSV files of people, without starting the hub. Problems are reported by file,
 * line and column with a reason, never with the value.
 */
@Command(
        name = "link",
        description = "Deduplicate and link person records in CSV files; writes input,record_id,cluster_id.",
        sortOptions = false)
final class LinkCommand implements Callable<Integer> {

    private static final int PROBLEMS_SHOWN = 20;

    @Option(names = "--input", description = "a CSV file with a header row (repeatable)")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--education-input",
            description = "a CSV file of education records: UPNs are compared (repeatable)")
    List<Path> educationInputs = new ArrayList<>();

    @Option(names = "--id-column", required = true, description = "the column holding each record's id")
    String idColumn;

    @Option(
            names = "--map",
            paramLabel = "COLUMN=FIELD",
            description = "map a column to a field; fields: ${COMPLETION-CANDIDATES}",
            completionCandidates = FieldNames.class)
    List<String> maps = new ArrayList<>();

    @Option(names = "--output", required = true, description = "where to write input,record_id,cluster_id")
    Path output;

    @Option(names = "--review-output", description = "where to write the pairs for clerical review, with reasons")
    Path reviewOutput;

    @Option(names = "--link-threshold", description = "match weight (log2 odds) to link at; default from the settings")
    Double linkThreshold;

    @Option(
            names = "--review-threshold",
            description = "match weight to refer for review at; default from the settings")
    Double reviewThreshold;

    @Option(names = "--settings", description = "match settings JSON (default: the shipped ones)")
    Path settingsFile;

    @Option(names = "--no-train", description = "score with the settings as they are instead of training on the input")
    boolean noTrain;

    @Option(names = "--save-settings", description = "write the settings used (trained, unless --no-train) as JSON")
    Path saveSettings;

    @Option(names = "--max-block-size", defaultValue = "1000", description = "skip blocks larger than this")
    int maxBlockSize;

    @Option(
            names = "--allow-missing-columns",
            description = "a mapped column a file lacks is empty for that file (e.g. partners' extracts)")
    boolean allowMissingColumns;

    @Option(
            names = "--profile",
            description = "also show each mapped column's commonest values (dates by format), not only the summary")
    boolean profile;

    @Option(
            names = "--report",
            description = "write the parameter table with m/u and match-weight charts as an HTML page")
    Path report;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The last run's result, for callers in the same JVM (the benchmark). */
    BatchLinker.Result lastResult;

    static final class FieldNames extends ArrayList<String> {
        FieldNames() {
            for (Field f : Field.values()) {
                add(f.key());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.isEmpty() && educationInputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one --input");
        }
        ColumnMapping mapping = ColumnMapping.parse(idColumn, maps);
        ColumnProfile columns = new ColumnProfile(LocalDate.now());
        CsvRecordReader reader = new CsvRecordReader(mapping, LocalDate.now(), allowMissingColumns, columns);
        List<PersonRecord> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (Path input : inputs) {
            CsvRecordReader.Read read = reader.read(input.toString(), input, false);
            records.addAll(read.records());
            problems.addAll(read.problems());
        }
        for (Path input : educationInputs) {
            CsvRecordReader.Read read = reader.read(input.toString(), input, true);
            records.addAll(read.records());
            problems.addAll(read.problems());
        }
        report(problems, err);
        out.println("columns:");
        (profile ? columns.details() : columns.summary()).forEach(line -> out.println("  " + line));
        out.flush();

        MatchSettings settings = settingsFile == null ? MatchSettings.standard() : MatchSettings.load(settingsFile);
        if (linkThreshold != null || reviewThreshold != null) {
            double link = linkThreshold != null ? linkThreshold : settings.linkThreshold();
            double review = reviewThreshold != null ? reviewThreshold : Math.min(settings.reviewThreshold(), link);
            settings = settings.withThresholds(link, review);
        }
        BatchLinker.Options options = new BatchLinker.Options(
                !noTrain,
                maxBlockSize,
                BatchLinker.Options.defaults().seed(),
                BatchLinker.Options.defaults().randomPairs(),
                BatchLinker.Options.defaults().maxTrainingPairs(),
                linkThreshold == null);
        BatchLinker.Result result;
        try (ProgressBars bars = new ProgressBars(!quiet && records.size() >= ProgressBars.FROM_RECORDS)) {
            result = new BatchLinker(settings, options).link(records, bars);
        }
        lastResult = result;
        ClusterWriter.writeClusters(result, output);
        if (reviewOutput != null) {
            ClusterWriter.writeReviewPairs(result, reviewOutput);
        }
        if (saveSettings != null) {
            result.settings().save(saveSettings);
        }
        ParameterReport parameters = new ParameterReport(
                result.settings(), new StandardMatcher(result.settings()).comparisons(), result.trainingChecks());
        out.print(parameters.text());
        if (!noTrain && result.records().size() < BatchLinker.MIN_TRAINING_RECORDS) {
            err.println("WARNING: " + result.records().size() + " records are too few to train on (fewer than "
                    + BatchLinker.MIN_TRAINING_RECORDS + "): the shipped settings and thresholds were used,"
                    + " as with --no-train");
        }
        result.trainingChecks().stream()
                .filter(c -> c.status() == TrainingCheck.Status.FELL_BACK)
                .forEach(c -> err.println("WARNING: training of " + c.comparison() + " fell back: " + c.reason()));
        err.flush();
        if (report != null) {
            java.nio.file.Files.writeString(report, parameters.html());
        }
        summarise(result, problems.size(), out);
        return 0;
    }

    private static void report(List<RowProblem> problems, PrintWriter err) {
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("problem: " + p));
        if (problems.size() > PROBLEMS_SHOWN) {
            err.println("... and " + (problems.size() - PROBLEMS_SHOWN) + " more problems");
        }
        err.flush();
    }

    private void summarise(BatchLinker.Result result, int problems, PrintWriter out) {
        BatchLinker.Counts c = result.counts();
        out.printf(
                Locale.ROOT,
                "%d records (%d problems), %d clusters; %d pairs compared, %d linked, %d for review, %d relatives and twins kept"
                        + " apart, %d records too close to call between two of them (their pairs for review); %d blocks"
                        + " skipped as too large (%d pairs)%n",
                c.records(),
                problems,
                c.clusters(),
                c.pairsCompared(),
                c.links(),
                c.reviews(),
                c.twins(),
                c.tooCloseToCall(),
                c.blocksSkipped(),
                c.pairsInSkippedBlocks());
        StringBuilder times = new StringBuilder("time:");
        for (Map.Entry<String, java.time.Duration> e : result.timings().entrySet()) {
            times.append(String.format(
                    Locale.ROOT, " %s %.1fs", e.getKey(), e.getValue().toMillis() / 1000.0));
        }
        out.println(times);
        out.printf(
                Locale.ROOT,
                "households: %s (share of same-address candidate pairs that are clearly different people: %.3f)%n",
                result.holdsHouseholds() ? "yes, household rules on" : "no, household rules off",
                result.householdShare());
        out.printf(
                Locale.ROOT,
                "link threshold %.2f (probability %.4f), review threshold %.2f; wrote %s%n",
                result.settings().linkThreshold(),
                MatchSettings.probabilityOf(result.settings().linkThreshold()),
                result.settings().reviewThreshold(),
                output);
        out.flush();
    }
}

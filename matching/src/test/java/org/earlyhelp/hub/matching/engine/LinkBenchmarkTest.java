package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.matching.link.ColumnMapping;
import org.earlyhelp.hub.matching.link.CsvRecordReader;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The {@code link} command's defaults measured without the application: the same reader and the same batch linker
 * options ({@code link} without threshold options: trained, threshold from the model), on the shared public sets in
 * {@code ../shared/benchmarks/linkage} and on simulator extracts written beforehand by {@code hub simulate extracts}
 * (directories given by {@code -Dbenchmark.simulator=DIR,DIR}). Labels are only used to count. Opt-in:
 * {@code ./mvnw -o -pl matching -Dbenchmark=true -Dtest=LinkBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * test}; writes {@code matching/target/link-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
public class LinkBenchmarkTest {

    private static final Path DATA = Path.of("..", "..", "shared", "benchmarks", "linkage");
    private static final int MAX_BLOCK = 1000;
    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-.*");
    private static final List<String> FEBRL_MAPS = List.of(
            "given_name=forename",
            "surname=surname",
            "street_number=address",
            "address_1=address",
            "address_2=address_2",
            "suburb=town",
            "postcode=postcode",
            "date_of_birth=dob");
    private static final List<String> FAKE_MAPS =
            List.of("first_name=forename", "surname=surname", "dob=dob", "city=town", "email=email");
    private static final List<String> SIMULATOR_FIELDS = List.of(
            "forename",
            "middle_names",
            "surname",
            "dob",
            "sex",
            "address",
            "address_1",
            "address_2",
            "town",
            "postcode",
            "uprn",
            "nhs_number",
            "upn",
            "email",
            "phone");

    /** One load: its inputs (education ones flagged), mapping and the truth (record id to entity). */
    public record Load(
            String name,
            List<Path> inputs,
            List<Path> educationInputs,
            ColumnMapping mapping,
            boolean allowMissing,
            Map<String, String> truth) {}

    record Score(long truePairs, long predicted, long correct) {
        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correct / truePairs;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    @Test
    void linkAtItsDefaultsOnEverySet() throws Exception {
        List<Load> loads = new ArrayList<>();
        String only = System.getProperty("benchmark.sets", "");
        if (Files.isDirectory(DATA) && !only.equals("none")) {
            loads.addAll(sharedSets());
        }
        for (String dir : System.getProperty("benchmark.simulator", "").split(",")) {
            if (!dir.isBlank()) {
                loads.add(simulator(Path.of(dir.strip())));
            }
        }
        String people = System.getProperty("benchmark.people", "");
        if (!people.isBlank()) {
            loads.add(people(Path.of(people)));
        }
        if (!only.isBlank() && !only.equals("none")) {
            List<String> names = List.of(only.split(","));
            loads.removeIf(
                    l -> !l.name().startsWith("sim") && !l.name().startsWith("people") && !names.contains(l.name()));
        }
        assumeThat(loads).as("no benchmark data").isNotEmpty();
        StringBuilder table = new StringBuilder(
                "| set | records | pairs compared | per record | blocking recall | link threshold (probability) |"
                        + " default precision / recall / F1 | best F1 (at weight) | default - best | lowest weight with"
                        + " precision >= 0.999 | F1 at -6 / -4 / -2 / 0 / 2 / 4 / 6 / 8 / 10 / 12 |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder rules = new StringBuilder();
        for (Load load : loads) {
            List<PersonRecord> records = read(load);
            MatchSettings settings = MatchSettings.standard();
            // pairs kept from -10 for the sweep; at a million records only from the shipped review threshold (memory)
            boolean large = records.size() > 200_000;
            // -Dbenchmark.review=default keeps the settings' review threshold, exactly as link runs without options
            if (!large && !"default".equals(System.getProperty("benchmark.review"))) {
                settings = settings.withThresholds(settings.linkThreshold(), -10);
            }
            // -Dbenchmark.notrain=true: the shipped settings as given (link --no-train, and the person index's model)
            BatchLinker.Options options =
                    BatchLinker.Options.defaults().withTrain(!Boolean.getBoolean("benchmark.notrain"));
            long start = System.nanoTime();
            BatchLinker.Result result = new BatchLinker(settings, options).link(records, BatchLinker.Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            Score atDefault = score(result, result.clusterIds(), load.truth());
            double bestAt = Double.NaN;
            Score best = null;
            double precise = Double.NaN;
            Score preciseScore = null;
            double mostRecallAt = Double.NaN;
            Score mostRecall = null;
            StringBuilder sweep = new StringBuilder();
            for (double t = large ? 2 : -10; t <= (large ? 20 : 30); t += large ? 1 : 0.5) {
                Score s = score(result, result.clusterIdsAt(t), load.truth());
                if (best == null || s.f1() > best.f1()) {
                    best = s;
                    bestAt = t;
                }
                if (Double.isNaN(precise) && s.precision() >= 0.999) {
                    precise = t;
                    preciseScore = s;
                }
                if (s.precision() >= 0.999 && (mostRecall == null || s.recall() > mostRecall.recall())) {
                    mostRecall = s;
                    mostRecallAt = t;
                }
                if (t >= -6 && t <= 12 && t % 2 == 0) {
                    sweep.append(sweep.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.3f", s.f1()));
                }
            }
            if (Boolean.getBoolean("benchmark.histogram")) {
                Map<Integer, long[]> bins = new java.util.TreeMap<>();
                result.forEachKeptPair((a, b, w, rule) -> {
                    if (rule != Rule.PROBABILISTIC) {
                        return;
                    }
                    boolean same = load.truth()
                            .get(result.records().get(a).id())
                            .equals(load.truth().get(result.records().get(b).id()));
                    bins.computeIfAbsent((int) Math.floor(w), x -> new long[2])[same ? 0 : 1]++;
                });
                StringBuilder h = new StringBuilder("HIST " + load.name() + ":");
                bins.forEach((bin, c) -> h.append(" ")
                        .append(bin)
                        .append("=")
                        .append(c[0])
                        .append("/")
                        .append(c[1]));
                System.out.println(h);
            }
            if (Boolean.getBoolean("benchmark.diagnose")) {
                Map<String, String> families = load.name().startsWith("people ")
                        ? truth(load.inputs().get(0), "record_id", r -> r.get("true_family_id"))
                        : Map.of();
                String diagnosis = FalseLinkDiagnosis.diagnose(
                        load.name(),
                        result,
                        result.clusterIds(),
                        load.truth(),
                        families,
                        result.settings().linkThreshold());
                System.out.println(diagnosis);
                rules.append(diagnosis);
                Map<String, String> errors = load.name().startsWith("people ")
                        ? truth(load.inputs().get(0), "record_id", r -> r.get("true_errors"))
                        : Map.of();
                String missed = MissedLinkDiagnosis.diagnose(
                        load.name(),
                        result,
                        load.truth(),
                        errors,
                        BatchLinker.Options.defaults().maxBlockSize());
                System.out.println(missed);
                rules.append(missed);
            }
            if (Boolean.getBoolean("benchmark.truem")) {
                printTrueM(load, result);
            }
            if (Boolean.getBoolean("benchmark.rules")) {
                Map<String, long[]> byRule = new java.util.TreeMap<>();
                result.forEachKeptPair((a, b, w, rule) -> {
                    boolean same = load.truth()
                            .get(result.records().get(a).id())
                            .equals(load.truth().get(result.records().get(b).id()));
                    byRule.computeIfAbsent(rule.name(), x -> new long[2])[same ? 0 : 1]++;
                });
                byRule.forEach((rule, c) -> System.out.println(
                        "RULES " + load.name() + " " + rule + ": " + c[0] + " true / " + c[1] + " false"));
            }
            String window = System.getProperty("benchmark.patterns", "");
            if (!window.isBlank()) {
                printPatterns(
                        load,
                        result,
                        Double.parseDouble(window.split(",")[0]),
                        Double.parseDouble(window.split(",")[1]));
            }
            BlockingMeasure blocking = BlockingMeasure.measure(records, load.truth(), MAX_BLOCK);
            double link = result.settings().linkThreshold();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.4f | %.2f (%.3f) | %.4f / %.4f / %.4f | %.4f (%.1f) | %+.3f | %.1f | %s |%n",
                    load.name(),
                    records.size(),
                    result.counts().pairsCompared(),
                    (double) result.counts().pairsCompared() / records.size(),
                    blocking.recall(),
                    link,
                    MatchSettings.probabilityOf(link),
                    atDefault.precision(),
                    atDefault.recall(),
                    atDefault.f1(),
                    best.f1(),
                    bestAt,
                    atDefault.f1() - best.f1(),
                    precise,
                    sweep));
            if (preciseScore != null) {
                // what the aim of precision >= 0.999 costs in recall, for any one threshold of the sweep
                rules.append(String.format(
                        Locale.ROOT,
                        "%n%s precision >= 0.999 from weight %.1f: P / R / F1 %.4f / %.4f / %.4f; most recall with"
                                + " precision >= 0.999: %.4f (at %.1f)",
                        load.name(),
                        precise,
                        preciseScore.precision(),
                        preciseScore.recall(),
                        preciseScore.f1(),
                        mostRecall.recall(),
                        mostRecallAt));
            }
            rules.append("\n").append(load.name()).append(" stages:");
            result.timings()
                    .forEach((stage, d) ->
                            rules.append(String.format(Locale.ROOT, " %s %.1f s", stage, d.toMillis() / 1000.0)));
            rules.append(String.format(
                    Locale.ROOT,
                    "; %d clusters, %d links, %d review pairs, %d blocks skipped (%d pairs)%n",
                    result.counts().clusters(),
                    result.counts().links(),
                    result.counts().reviews(),
                    result.counts().blocksSkipped(),
                    result.counts().pairsInSkippedBlocks()));
            double allPairs = (double) records.size() * (records.size() - 1) / 2;
            rules.append(String.format(
                    Locale.ROOT,
                    "%s prior: estimated %.3g, true %.3g (%d true pairs)%n",
                    load.name(),
                    result.settings().lambda(),
                    atDefault.truePairs() / allPairs,
                    atDefault.truePairs()));
            rules.append(load.name())
                    .append(String.format(
                            Locale.ROOT,
                            " (%.0f s, households %s %.3f):%n",
                            seconds,
                            result.holdsHouseholds(),
                            result.householdShare()));
            result.trainingChecks().stream()
                    .filter(c -> c.status() == TrainingCheck.Status.FELL_BACK)
                    .forEach(c -> rules.append("fell back: ")
                            .append(c.comparison())
                            .append(": ")
                            .append(c.reason())
                            .append("\n\n"));
            rules.append(blocking.table());
        }
        String text = table
                + "\nBlocking per rule (pairs in blocks within the cap; true pairs the rule reaches; those only it reaches):\n"
                + rules;
        System.out.println(text);
        Files.writeString(Path.of("target", "link-benchmark.md"), text);
        assertThat(loads).isNotEmpty();
    }

    /**
     * Counts of the level patterns (no values) of the probabilistic pairs kept with weight in [lo, hi), true and false:
     * {@code -Dbenchmark.patterns=lo,hi}.
     */
    private static void printPatterns(Load load, BatchLinker.Result result, double lo, double hi) {
        StandardMatcher matcher = new StandardMatcher(result.settings());
        List<org.earlyhelp.hub.matching.model.Comparison> comparisons = matcher.comparisons();
        Map<String, long[]> counts = new HashMap<>();
        int[] levels = new int[comparisons.size()];
        result.forEachKeptPair((a, b, w, rule) -> {
            if (rule != Rule.PROBABILISTIC || w < lo || w >= hi) {
                return;
            }
            PersonRecord ra = result.records().get(a);
            PersonRecord rb = result.records().get(b);
            matcher.levels(matcher.prepare(ra), matcher.prepare(rb), levels);
            StringBuilder key = new StringBuilder();
            for (int k = 0; k < levels.length; k++) {
                if (!comparisons.get(k).isNullLevel(levels[k])) {
                    key.append(comparisons.get(k).name())
                            .append('=')
                            .append(comparisons.get(k).levels().get(levels[k]).name())
                            .append(' ');
                }
            }
            boolean same = load.truth().get(ra.id()).equals(load.truth().get(rb.id()));
            counts.computeIfAbsent(key.toString(), x -> new long[2])[same ? 0 : 1]++;
        });
        System.out.println("PATTERNS " + load.name() + " [" + lo + ", " + hi + "): true / false");
        counts.entrySet().stream()
                .sorted((x, y) ->
                        Long.compare(x.getValue()[0] + x.getValue()[1], y.getValue()[0] + y.getValue()[1]) * -1)
                .limit(25)
                .forEach(e -> System.out.println(
                        "PATTERNS   " + e.getValue()[0] + " / " + e.getValue()[1] + "  " + e.getKey()));
    }

    /** Trained m beside m counted over the true pairs (labels used to diagnose, never to train): -Dbenchmark.truem. */
    private static void printTrueM(Load load, BatchLinker.Result result) {
        StandardMatcher matcher = new StandardMatcher(result.settings());
        List<org.earlyhelp.hub.matching.model.Comparison> comparisons = matcher.comparisons();
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < result.records().size(); i++) {
            byEntity.computeIfAbsent(load.truth().get(result.records().get(i).id()), x -> new ArrayList<>())
                    .add(i);
        }
        double[][] counts = new double[comparisons.size()][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new double[comparisons.get(k).levelCount()];
        }
        int[] levels = new int[comparisons.size()];
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    matcher.levels(
                            matcher.prepare(result.records().get(members.get(x))),
                            matcher.prepare(result.records().get(members.get(y))),
                            levels);
                    for (int k = 0; k < levels.length; k++) {
                        counts[k][levels[k]]++;
                    }
                }
            }
        }
        double[][] m = result.settings().toModel(comparisons).m();
        double[][] u = result.settings().toModel(comparisons).u();
        for (int k = 0; k < comparisons.size(); k++) {
            var c = comparisons.get(k);
            double total = 0;
            for (int l = 0; l < counts[k].length; l++) {
                total += c.isNullLevel(l) ? 0 : counts[k][l];
            }
            StringBuilder line = new StringBuilder("TRUEM " + load.name() + " " + c.name() + ":");
            for (int l = 0; l < counts[k].length; l++) {
                if (!c.isNullLevel(l) && total > 0) {
                    line.append(String.format(
                            Locale.ROOT,
                            " %s m %.3f/true %.3f u %.2g;",
                            c.levels().get(l).name(),
                            m[k][l],
                            counts[k][l] / total,
                            u[k][l]));
                }
            }
            System.out.println(line);
        }
    }

    /** The records of a load, read as {@code link} reads them. */
    public static List<PersonRecord> read(Load load) throws Exception {
        CsvRecordReader reader = new CsvRecordReader(load.mapping(), LocalDate.now(), load.allowMissing());
        List<PersonRecord> records = new ArrayList<>();
        for (Path input : load.inputs()) {
            records.addAll(reader.read(input.toString(), input, false).records());
        }
        for (Path input : load.educationInputs()) {
            records.addAll(reader.read(input.toString(), input, true).records());
        }
        return records;
    }

    private static List<Load> sharedSets() throws Exception {
        List<Load> loads = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Path file = DATA.resolve("febrl/dataset" + n + ".csv");
            Map<String, String> truth = truth(file, "rec_id", r -> {
                Matcher m = FEBRL_ID.matcher(r.get("rec_id").strip());
                return m.matches() ? m.group(1) : r.get("rec_id");
            });
            loads.add(new Load(
                    "FEBRL" + n, List.of(file), List.of(), ColumnMapping.parse("rec_id", FEBRL_MAPS), false, truth));
            List<String> withId = new ArrayList<>(FEBRL_MAPS);
            withId.add("soc_sec_id=other_identifier");
            loads.add(new Load(
                    "FEBRL" + n + " + soc_sec_id",
                    List.of(file),
                    List.of(),
                    ColumnMapping.parse("rec_id", withId),
                    false,
                    truth));
        }
        Path f1000 = DATA.resolve("splink/fake_1000.csv");
        loads.add(new Load(
                "fake_1000",
                List.of(f1000),
                List.of(),
                ColumnMapping.parse("unique_id", FAKE_MAPS),
                false,
                truth(f1000, "unique_id", r -> r.get("cluster"))));
        Path f20000 = DATA.resolve("splink/fake_20000.csv");
        loads.add(new Load(
                "fake_20000",
                List.of(f20000),
                List.of(),
                ColumnMapping.parse("unique_id", FAKE_MAPS),
                false,
                truth(f20000, "unique_id", r -> r.get("group"))));
        return loads;
    }

    /** One file of {@code hub simulate people}: every field mapped, as the 1,000,000-record command in the docs. */
    private static Load people(Path file) throws Exception {
        List<String> maps = SIMULATOR_FIELDS.stream().map(f -> f + "=" + f).toList();
        Map<String, String> truth = truth(file, "record_id", r -> r.get("true_person_id"));
        return new Load(
                "people " + file.getFileName(),
                List.of(file),
                List.of(),
                ColumnMapping.parse("record_id", maps),
                true,
                truth);
    }

    /** A directory {@code hub simulate extracts} wrote, every field mapped, its truth from {@code truth.csv}. */
    public static Load simulator(Path dir) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String partner : List.of("health", "police", "housing", "case_system")) {
            inputs.add(dir.resolve(partner + ".csv"));
        }
        List<String> maps = SIMULATOR_FIELDS.stream().map(f -> f + "=" + f).toList();
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            truth.put(cells[1], cells[2]);
        }
        return new Load(
                "sim " + dir.getFileName(),
                inputs,
                List.of(dir.resolve("schools.csv")),
                ColumnMapping.parse("record_id", maps),
                true,
                truth);
    }

    private static Map<String, String> truth(
            Path file, String idColumn, java.util.function.Function<Map<String, String>, String> entity)
            throws Exception {
        Map<String, String> truth = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i).strip(), i);
            }
            for (CSVRecord r : parser) {
                Map<String, String> row = new HashMap<>();
                columns.forEach((name, i) -> row.put(name, r.get(i)));
                truth.put(row.get(idColumn), entity.apply(row));
            }
        }
        return truth;
    }

    static Score score(BatchLinker.Result result, int[] ids, Map<String, String> truth) {
        String[] entity = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            entity[i] = truth.get(result.records().get(i).id());
        }
        long[] pairs = pairs(ids, entity);
        return new Score(pairs[2], pairs[0], pairs[1]);
    }

    /**
     * Over cluster ids and each record's true entity: the pairs put in one cluster, of them those truly one entity, and
     * the true pairs.
     */
    public static long[] pairs(int[] ids, String[] entity) {
        Map<Integer, Map<String, Long>> byCluster = new HashMap<>();
        Map<String, Long> entities = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byCluster.computeIfAbsent(ids[i], c -> new HashMap<>()).merge(entity[i], 1L, Long::sum);
            entities.merge(entity[i], 1L, Long::sum);
        }
        long predicted = 0;
        long correct = 0;
        for (Map<String, Long> members : byCluster.values()) {
            long size = members.values().stream().mapToLong(Long::longValue).sum();
            predicted += size * (size - 1) / 2;
            for (long k : members.values()) {
                correct += k * (k - 1) / 2;
            }
        }
        long truePairs =
                entities.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
        return new long[] {predicted, correct, truePairs};
    }
}

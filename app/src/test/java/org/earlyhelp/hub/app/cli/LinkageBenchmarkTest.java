package org.earlyhelp.hub.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Precision, recall and F1 over pairs of the {@code link} command on the public benchmark sets in
 * {@code ../shared/benchmarks/linkage} (relative to the repository root). Opt-in, it takes a minute or two:
 * {@code ./mvnw -pl app -am -Dbenchmark=true -Dtest=LinkageBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * verify}. Training is unsupervised on each set; labels are only used here, to count.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class LinkageBenchmarkTest {

    private static final Path DATA = Path.of("..", "..", "shared", "benchmarks", "linkage");
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

    record Set(
            String name,
            String file,
            String idColumn,
            List<String> maps,
            Function<Map<String, String>, String> truth) {}

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
    void linkageBenchmarks(@TempDir Path dir) throws Exception {
        assumeThat(Files.isDirectory(DATA))
                .as("benchmark data not found at " + DATA.toAbsolutePath() + ": skipped")
                .isTrue();
        List<Set> sets = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String file = "febrl/dataset" + n + ".csv";
            Function<Map<String, String>, String> truth = r -> febrlEntity(r.get("rec_id"));
            sets.add(new Set("FEBRL" + n, file, "rec_id", FEBRL_MAPS, truth));
            List<String> withId = new ArrayList<>(FEBRL_MAPS);
            withId.add("soc_sec_id=other_identifier");
            sets.add(new Set("FEBRL" + n + " + soc_sec_id", file, "rec_id", withId, truth));
        }
        sets.add(new Set("fake_1000", "splink/fake_1000.csv", "unique_id", FAKE_MAPS, r -> r.get("cluster")));
        sets.add(new Set("fake_20000", "splink/fake_20000.csv", "unique_id", FAKE_MAPS, r -> r.get("group")));

        StringBuilder table = new StringBuilder(
                String.format(
                        Locale.ROOT,
                        "| set | records | pairs compared | per record | blocking recall | seconds | precision | recall | F1"
                                + " (default threshold) | best F1 | at weight | exact name + DOB + postcode rule F1 |"
                                + " fell back | F1 at weight 0 / 2 / 4 / 6 / 8 / 10 |%n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n"));
        for (Set set : sets) {
            Path input = DATA.resolve(set.file());
            Map<String, String> truth = truth(input, set.idColumn(), set.truth());
            List<String> args = new ArrayList<>(List.of(
                    "--input",
                    input.toString(),
                    "--id-column",
                    set.idColumn(),
                    "--quiet",
                    "--review-threshold",
                    "-10"));
            for (String map : set.maps()) {
                args.add("--map");
                args.add(map);
            }
            args.add("--output");
            args.add(dir.resolve("clusters.csv").toString());
            LinkCommand command = new LinkCommand();
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));
            long start = System.nanoTime();
            int status = cl.execute(args.toArray(String[]::new));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(status).as(out.toString()).isZero();

            BatchLinker.Result result = command.lastResult;
            Score atDefault = score(fromOutput(dir.resolve("clusters.csv")), truth);
            double bestThreshold = Double.NaN;
            Score best = null;
            for (double t = -5; t <= 25; t += 0.5) {
                Score s = score(clusters(result, result.clusterIdsAt(t)), truth);
                if (best == null || s.f1() > best.f1()) {
                    best = s;
                    bestThreshold = t;
                }
            }
            Score rule = score(BenchmarkMeasures.exactRuleClusters(result.records()), truth);
            double blockingRecall = BenchmarkMeasures.blockingRecall(result.records(), truth, 1000);
            String fellBack = result.trainingChecks().stream()
                    .filter(c -> c.status() == org.earlyhelp.hub.matching.engine.TrainingCheck.Status.FELL_BACK)
                    .map(c -> c.comparison())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("-");
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.4f | %.1f | %.4f | %.4f | %.4f | %.4f | %.1f | %.4f | %s | %s |%n",
                    set.name(),
                    truth.size(),
                    result.counts().pairsCompared(),
                    (double) result.counts().pairsCompared() / truth.size(),
                    blockingRecall,
                    seconds,
                    atDefault.precision(),
                    atDefault.recall(),
                    atDefault.f1(),
                    best.f1(),
                    bestThreshold,
                    rule.f1(),
                    fellBack,
                    sweep(result, truth)));
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "linkage-benchmark.md"), table);
    }

    private static String sweep(BatchLinker.Result result, Map<String, String> truth) {
        StringBuilder text = new StringBuilder();
        for (double t = 0; t <= 10; t += 2) {
            text.append(text.isEmpty() ? "" : " / ")
                    .append(String.format(
                            Locale.ROOT,
                            "%.4f",
                            score(clusters(result, result.clusterIdsAt(t)), truth)
                                    .f1()));
        }
        return text.toString();
    }

    private static String febrlEntity(String id) {
        Matcher m = FEBRL_ID.matcher(id.strip());
        return m.matches() ? m.group(1) : id;
    }

    private static Map<String, String> truth(Path file, String idColumn, Function<Map<String, String>, String> entity)
            throws Exception {
        Map<String, String> truth = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8, format)) {
            // FEBRL headers carry a leading space; look columns up trimmed
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

    private static Map<String, List<String>> fromOutput(Path clusters) throws Exception {
        Map<String, List<String>> byCluster = new HashMap<>();
        for (String line : Files.readAllLines(clusters)
                .subList(1, Files.readAllLines(clusters).size())) {
            String[] cells = line.split(",");
            byCluster.computeIfAbsent(cells[2], c -> new ArrayList<>()).add(cells[1]);
        }
        return byCluster;
    }

    private static Map<String, List<String>> clusters(BatchLinker.Result result, int[] ids) {
        Map<String, List<String>> byCluster = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byCluster
                    .computeIfAbsent(String.valueOf(ids[i]), c -> new ArrayList<>())
                    .add(result.records().get(i).id());
        }
        return byCluster;
    }

    static Score score(Map<String, List<String>> clusters, Map<String, String> truth) {
        long predicted = 0;
        long correct = 0;
        for (List<String> members : clusters.values()) {
            predicted += (long) members.size() * (members.size() - 1) / 2;
            Map<String, Long> byEntity = new HashMap<>();
            members.forEach(m -> byEntity.merge(truth.get(m), 1L, Long::sum));
            for (long k : byEntity.values()) {
                correct += k * (k - 1) / 2;
            }
        }
        Map<String, Long> entities = new HashMap<>();
        truth.values().forEach(e -> entities.merge(e, 1L, Long::sum));
        long truePairs =
                entities.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
        return new Score(truePairs, predicted, correct);
    }
}

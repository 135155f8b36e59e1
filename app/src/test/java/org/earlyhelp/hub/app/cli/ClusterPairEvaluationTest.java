package org.earlyhelp.hub.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pair precision, recall and F1 of a {@code link} command's clusters file ({@code input,record_id,cluster_id}) against
 * a simulated file's {@code true_person_id}, for runs too large to score in-process (the 1,000,000-record run in
 * {@code docs/benchmarks.md}). Opt-in: {@code ./mvnw -o -pl app -Dtest=ClusterPairEvaluationTest
 * -Devaluate.clusters=target/people-1m-clusters.csv -Devaluate.truth=target/people-1m.csv test} (paths relative to
 * {@code app/} unless absolute); prints the figures. The small fixture test always runs.
 */
class ClusterPairEvaluationTest {

    record Pairs(long records, long truePairs, long predicted, long correct) {
        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correct / truePairs;
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d records, %d true-match pairs, %d linked pairs, %d correct: precision %.4f, recall %.4f, F1 %.4f",
                    records,
                    truePairs,
                    predicted,
                    correct,
                    precision(),
                    recall(),
                    f1());
        }
    }

    /** Counts pairs: a linked pair shares a cluster, a true pair shares a {@code true_person_id}. */
    static Pairs evaluate(Path clusters, Path truth) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        Map<String, String> personOf = new HashMap<>();
        try (Reader r = Files.newBufferedReader(truth)) {
            for (CSVRecord row : format.parse(r)) {
                personOf.put(row.get("record_id"), row.get("true_person_id"));
            }
        }
        Map<String, Long> perPerson = new HashMap<>();
        Map<String, Long> perCluster = new HashMap<>();
        Map<String, Long> perClusterAndPerson = new HashMap<>();
        long records = 0;
        try (Reader r = Files.newBufferedReader(clusters)) {
            for (CSVRecord row : format.parse(r)) {
                String person = personOf.get(row.get("record_id"));
                assertThat(person)
                        .as("true_person_id of %s", row.get("record_id"))
                        .isNotNull();
                String cluster = row.get("cluster_id");
                perPerson.merge(person, 1L, Long::sum);
                perCluster.merge(cluster, 1L, Long::sum);
                perClusterAndPerson.merge(cluster + "\u0000" + person, 1L, Long::sum);
                records++;
            }
        }
        return new Pairs(records, pairs(perPerson), pairs(perCluster), pairs(perClusterAndPerson));
    }

    private static long pairs(Map<String, Long> counts) {
        long total = 0;
        for (long k : counts.values()) {
            total += k * (k - 1) / 2;
        }
        return total;
    }

    @Test
    @EnabledIfSystemProperty(named = "evaluate.clusters", matches = ".+")
    void evaluateGivenFiles() throws Exception {
        Pairs p = evaluate(
                Path.of(System.getProperty("evaluate.clusters")), Path.of(System.getProperty("evaluate.truth")));
        System.out.println(p);
    }

    @Test
    void countsPairsAgainstTheTruth(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("people.csv");
        Files.writeString(
                truth,
                "record_id,address,true_person_id\n"
                        + "a,\"1 High St, Leeds\",p1\n"
                        + "b,x,p1\n"
                        + "c,x,p1\n"
                        + "d,x,p2\n"
                        + "e,x,p3\n");
        Path clusters = dir.resolve("clusters.csv");
        // {a,b,d} {c} {e}: linked pairs ab, ad, bd (one correct); true pairs ab, ac, bc
        Files.writeString(clusters, "input,record_id,cluster_id\nf,a,0\nf,b,0\nf,c,1\nf,d,0\nf,e,2\n");

        Pairs p = evaluate(clusters, truth);

        assertThat(p).isEqualTo(new Pairs(5, 3, 3, 1));
        assertThat(p.precision()).isEqualTo(1.0 / 3);
        assertThat(p.recall()).isEqualTo(1.0 / 3);
    }
}

package org.earlyhelp.hub.matching.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.LinkBenchmarkTest;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Whether the hub and the command agree (issue 10, point 7): the records of one simulator extract, once through
 * {@code link --no-train} (the batch linker, shipped settings, household rules, the {@link
 * org.earlyhelp.hub.matching.engine.LinkRule}) and once through the person index, resolved one at a time in a random
 * arrival order against a real PostgreSQL. Prints pair precision and recall of each against the truth and how far the
 * two agree: of the pairs either puts in one person, the share both do. Labels only count. Opt-in:
 * {@code ./mvnw -o -pl matching test -Dbenchmark=true -Dtest=IndexAgreementBenchmarkTest
 * -Dbenchmark.simulator=DIR}; writes {@code matching/target/index-agreement.md}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IndexAgreementBenchmarkTest {

    @Test
    void theIndexAndLinkPutTheSameRecordsTogether() throws Exception {
        String dirs = System.getProperty("benchmark.simulator", "");
        assumeThat(dirs).as("-Dbenchmark.simulator=DIR").isNotBlank();
        StringBuilder table = new StringBuilder(
                "| extract | records | link --no-train precision / recall | person index precision / recall |"
                        + " pairs in one person: link / index / both | agreement (both / either) | index seconds |\n"
                        + "|---|---|---|---|---|---|---|\n");
        try (IndexDatabase database = IndexDatabase.start()) {
            for (String dir : dirs.split(",")) {
                LinkBenchmarkTest.Load load = LinkBenchmarkTest.simulator(Path.of(dir.strip()));
                List<PersonRecord> records = LinkBenchmarkTest.read(load);
                int n = records.size();

                BatchLinker.Result batch = new BatchLinker(
                                MatchSettings.standard(),
                                BatchLinker.Options.defaults().withTrain(false).withHouseholds(true))
                        .link(records, BatchLinker.Progress.NONE);
                int[] linkIds = batch.clusterIds();

                database.empty();
                // as the hub builds it (MatchingConfiguration): the shipped settings, the index's own name counts
                IndexTermFrequencies frequencies = new IndexTermFrequencies(database.dataSource());
                PersonIndex index = new PersonIndex(
                        database.dataSource(),
                        new StandardMatcher(MatchSettings.standard(), frequencies),
                        frequencies,
                        Clock.systemUTC(),
                        false);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(7));
                long start = System.nanoTime();
                for (int done = 0; done < n; done++) {
                    index.resolve(records.get(order.get(done)));
                    if (done % 1000 == 999) {
                        index.flushTermFrequencies();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<UUID, Integer> people = new HashMap<>();
                int[] indexIds = new int[n];
                for (int i = 0; i < n; i++) {
                    PersonRecord r = records.get(i);
                    UUID person = index.personOf(r.source(), r.id()).orElseThrow();
                    indexIds[i] = people.computeIfAbsent(person, p -> people.size());
                }

                String[] truth = new String[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = load.truth().get(records.get(i).id());
                }
                long[] linkScore = LinkBenchmarkTest.pairs(linkIds, truth);
                long[] indexScore = LinkBenchmarkTest.pairs(indexIds, truth);
                long both = together(linkIds, indexIds);
                long either = linkScore[0] + indexScore[0] - both;
                double agreement = either == 0 ? 1 : (double) both / either;
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.4f / %.4f | %.4f / %.4f | %d / %d / %d | %.4f | %.0f |%n",
                        load.name(),
                        n,
                        (double) linkScore[1] / linkScore[0],
                        (double) linkScore[1] / linkScore[2],
                        (double) indexScore[1] / indexScore[0],
                        (double) indexScore[1] / indexScore[2],
                        linkScore[0],
                        indexScore[0],
                        both,
                        agreement,
                        seconds));
                assertThat(indexScore[0]).isPositive();
            }
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "index-agreement.md"), table.toString());
    }

    /** Pairs that both clusterings put in one cluster. */
    static long together(int[] a, int[] b) {
        Map<Long, Long> cells = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            cells.merge(((long) a[i] << 32) | b[i], 1L, Long::sum);
        }
        return cells.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    }
}

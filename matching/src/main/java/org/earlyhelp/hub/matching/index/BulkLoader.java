package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.ModelStamp;
import org.earlyhelp.hub.matching.engine.PairMatcher;
import org.earlyhelp.hub.matching.engine.PairScore;
import org.earlyhelp.hub.matching.households.HouseholdKey;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Loads a large set of records into the person index at once: the {@link BatchLinker} decides who is who over the
 * whole load (one person per cluster), and the rows are streamed in with {@code COPY}, in one transaction, so a failed
 * load leaves the index as it was.
 *
 * <p>Each record of a cluster of several is linked with method {@value #BATCH} and the explanation of its strongest
 * link in the cluster; a record alone is {@value PersonIndex#NEW_PERSON}. Review pairs of the batch go to the clerical
 * queue. Records already in the index are skipped. The load is linked among itself only: run the {@link Relinker}
 * afterwards when the index held records before, to join the new people to the old ones.
 */
public final class BulkLoader {

    public static final String BATCH = "BATCH";
    static final String ACTOR = "batch-load";

    /**
     * @param records read from the input
     * @param skipped already indexed (or repeated in the input), not loaded again
     * @param persons people created
     * @param linked records joined to another record of their person
     * @param blockKeys blocking-key rows written
     * @param households household rows written
     * @param reviews pairs queued for clerical review
     */
    public record Summary(
            long records,
            long skipped,
            long persons,
            long linked,
            long blockKeys,
            long households,
            long reviews,
            Duration linking,
            Duration writing) {}

    private final DataSource dataSource;
    private final PairMatcher matcher;
    private final BatchLinker linker;
    private final Clock clock;

    /**
     * @param matcher the index's matcher, for the blocking keys (so arriving records find the loaded ones)
     * @param linker the batch linker deciding the people; give it the index's match settings
     */
    public BulkLoader(DataSource dataSource, PairMatcher matcher, BatchLinker linker, Clock clock) {
        this.dataSource = dataSource;
        this.matcher = matcher;
        this.linker = linker;
        this.clock = clock;
    }

    public Summary load(List<PersonRecord> input, BatchLinker.Progress progress) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // one load at a time; arriving records may still be resolved meanwhile (they see the load on commit)
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_xact_lock(hashtextextended('person-index-bulk', 7))");
                }
                List<PersonRecord> records = withoutIndexed(c, input);
                long start = System.nanoTime();
                BatchLinker.Result result = linker.link(records, progress);
                Duration linking = Duration.ofNanos(System.nanoTime() - start);
                start = System.nanoTime();
                Summary summary = write(c, result, input.size() - records.size(), linking, progress);
                c.commit();
                return new Summary(
                        summary.records(),
                        summary.skipped(),
                        summary.persons(),
                        summary.linked(),
                        summary.blockKeys(),
                        summary.households(),
                        summary.reviews(),
                        linking,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexException("could not bulk load the person index", e);
        }
    }

    private Summary write(
            Connection c, BatchLinker.Result result, long skipped, Duration linking, BatchLinker.Progress progress)
            throws SQLException {
        List<PersonRecord> records = result.records();
        int n = records.size();
        int[] clusters = result.clusterIds();
        int clusterCount = n == 0 ? 0 : java.util.Arrays.stream(clusters).max().getAsInt() + 1;
        UUID[] persons = new UUID[clusterCount];
        for (int i = 0; i < clusterCount; i++) {
            persons[i] = UUID.randomUUID();
        }
        String now = clock.instant().toString();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = PersonIndex.recordKey(records.get(i));
        }

        CopyRows.copy(c, "person (person_id, created_at)", clusterCount, i -> CopyRows.line(persons[i], now));
        progress.update("write person", clusterCount, clusterCount);
        CopyRows.copy(
                c,
                "person_record (record_key, source, education, person_id, demographics, received_at)",
                n,
                i -> CopyRows.line(
                        keys[i],
                        records.get(i).source(),
                        records.get(i).education() ? "t" : "f",
                        persons[clusters[i]],
                        PersonIndex.writeRecord(records.get(i)),
                        now));
        progress.update("write person_record", n, n);

        int[] partner = result.strongestLinks();
        ModelStamp stamp = ModelStamp.of(result.settings());
        long linked = java.util.Arrays.stream(partner).filter(p -> p >= 0).count();
        CopyRows.copy(
                c,
                "person_link (record_key, person_id, method, matched_record_key, match_weight, explanation,"
                        + " linked_at, linked_by, model_version, link_threshold, review_threshold)",
                n,
                i -> {
                    if (partner[i] < 0) {
                        return CopyRows.line(
                                keys[i],
                                persons[clusters[i]],
                                PersonIndex.NEW_PERSON,
                                null,
                                null,
                                null,
                                now,
                                ACTOR,
                                stamp.version(),
                                stamp.linkThreshold(),
                                stamp.reviewThreshold());
                    }
                    PairScore score = result.score(i, partner[i]);
                    return CopyRows.line(
                            keys[i],
                            persons[clusters[i]],
                            BATCH,
                            keys[partner[i]],
                            score.matchWeight(),
                            PersonIndex.explanationJson(score),
                            now,
                            ACTOR,
                            stamp.version(),
                            stamp.linkThreshold(),
                            stamp.reviewThreshold());
                });
        progress.update("write person_link", n, n);

        long blockKeys = CopyRows.copy(c, "person_block_key (block_key, record_key)", n, i -> {
            StringBuilder lines = new StringBuilder();
            for (String k : matcher.blockingKeys(records.get(i))) {
                lines.append(CopyRows.line(k, keys[i]));
            }
            return lines.toString();
        });
        progress.update("write person_block_key", n, n);

        long households = CopyRows.copy(c, "household_record (household_key, record_key)", n, i -> {
            Optional<String> household = HouseholdKey.of(records.get(i));
            return household.map(h -> CopyRows.line(h, keys[i])).orElse(null);
        });
        progress.update("write household_record", n, n);

        addTermFrequencies(c, records);
        long reviews = Relinker.openReviews(c, result.reviewPairs(), clock.instant());
        progress.update("write match_review", reviews, reviews);
        return new Summary(n, skipped, clusterCount, linked, blockKeys, households, reviews, linking, Duration.ZERO);
    }

    private static void addTermFrequencies(Connection c, List<PersonRecord> records) throws SQLException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (PersonRecord r : records) {
            IndexTermFrequencies.terms(r).forEach((field, value) -> counts.computeIfAbsent(field, x -> new HashMap<>())
                    .merge(value, 1L, Long::sum));
        }
        try (PreparedStatement s = c.prepareStatement("insert into term_frequency (field, value, count)"
                + " values (?, ?, ?) on conflict (field, value) do update set count = term_frequency.count"
                + " + excluded.count")) {
            int batched = 0;
            for (Map.Entry<String, Map<String, Long>> field : counts.entrySet()) {
                for (Map.Entry<String, Long> value : field.getValue().entrySet()) {
                    s.setString(1, field.getKey());
                    s.setString(2, value.getKey());
                    s.setLong(3, value.getValue());
                    s.addBatch();
                    if (++batched % 5_000 == 0) {
                        s.executeBatch();
                    }
                }
            }
            s.executeBatch();
        }
    }

    /** The input without records already indexed and without repeats (the first of a repeated key is kept). */
    private static List<PersonRecord> withoutIndexed(Connection c, List<PersonRecord> input) throws SQLException {
        Set<String> seen = new HashSet<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("select record_key from person_record")) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
            }
        }
        List<PersonRecord> fresh = new ArrayList<>(input.size());
        for (PersonRecord r : input) {
            if (seen.add(PersonIndex.recordKey(r))) {
                fresh.add(r);
            }
        }
        return fresh;
    }
}

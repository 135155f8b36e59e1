package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.PairScore;
import org.earlyhelp.hub.matching.engine.Rule;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Runs the {@link BatchLinker} over every record in the index and applies what it finds: records it puts in one
 * cluster that belong to different people make those people one (a MERGE event, actor {@value #ACTOR}, the person
 * created first is kept), and its review pairs go to the clerical queue.
 *
 * <p>It only ever adds certainty: it never splits a person, even when the batch would keep a person's records apart
 * (a split needs a person's judgement, {@link PersonIndex#split}). It never merges two people when a record of one and
 * a record of the other were declared different people ({@code person_cannot_link}) or look like twins. It is
 * idempotent: a second run over an unchanged index changes nothing.
 */
public final class Relinker {

    public static final String ACTOR = "batch-relink";

    /**
     * @param records records in the index
     * @param clusters clusters the batch linker found
     * @param merges people merged into another
     * @param mergesRefused merges not made because of a cannot-link pair or a twins pair
     * @param reviews pairs newly queued for clerical review
     */
    public record Summary(
            long records,
            long clusters,
            long merges,
            long mergesRefused,
            long reviews,
            Duration linking,
            Duration applying) {}

    private final DataSource dataSource;
    private final BatchLinker linker;
    private final Clock clock;

    /** @param linker give it the index's match settings, without training, so each run judges pairs the same way */
    public Relinker(DataSource dataSource, BatchLinker linker, Clock clock) {
        this.dataSource = dataSource;
        this.linker = linker;
        this.clock = clock;
    }

    public Summary relinkAll(BatchLinker.Progress progress) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    // one relink or bulk load at a time
                    s.execute("select pg_advisory_xact_lock(hashtextextended('person-index-bulk', 7))");
                }
                List<PersonRecord> records = new ArrayList<>();
                Map<String, Integer> indexOf = new HashMap<>();
                readAll(c, records, indexOf);
                long start = System.nanoTime();
                BatchLinker.Result result = linker.link(records, progress);
                Duration linking = Duration.ofNanos(System.nanoTime() - start);
                start = System.nanoTime();
                long[] applied = apply(c, result, indexOf);
                long reviews = openReviews(c, result.reviewPairs(), clock.instant());
                c.commit();
                return new Summary(
                        records.size(),
                        result.counts().clusters(),
                        applied[0],
                        applied[1],
                        reviews,
                        linking,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexException("could not relink the person index", e);
        }
    }

    private static void readAll(Connection c, List<PersonRecord> records, Map<String, Integer> indexOf)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(20_000);
            try (ResultSet rs =
                    s.executeQuery("select record_key, demographics::text from person_record order by record_key")) {
                while (rs.next()) {
                    indexOf.put(rs.getString(1), records.size());
                    records.add(PersonIndex.readRecord(rs.getString(2)));
                }
            }
        }
    }

    /** @return {merges, merges refused} */
    private long[] apply(Connection c, BatchLinker.Result result, Map<String, Integer> indexOf) throws SQLException {
        List<PersonRecord> records = result.records();
        int[] clusters = result.clusterIds();
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            members.computeIfAbsent(clusters[i], x -> new ArrayList<>()).add(i);
        }
        // the people of each record now, read inside the locked transaction
        Map<String, UUID> personOf = new HashMap<>();
        Map<UUID, List<String>> recordsOf = new HashMap<>();
        Map<UUID, Instant> createdAt = new HashMap<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("select r.record_key, r.person_id, p.created_at from person_record r"
                    + " join person p on p.person_id = r.person_id")) {
                while (rs.next()) {
                    UUID person = rs.getObject(2, UUID.class);
                    personOf.put(rs.getString(1), person);
                    recordsOf.computeIfAbsent(person, x -> new ArrayList<>()).add(rs.getString(1));
                    createdAt.putIfAbsent(person, rs.getTimestamp(3).toInstant());
                }
            }
        }
        Set<String> cannotLink = cannotLinkPairs(c);
        Comparator<UUID> oldestFirst =
                Comparator.comparing((UUID p) -> createdAt.get(p)).thenComparing(UUID::toString);
        Map<UUID, UUID> parent = new HashMap<>();
        int[] strongest = result.strongestLinks();
        Instant now = clock.instant();
        long merges = 0;
        long refused = 0;
        for (List<Integer> cluster : members.values()) {
            if (cluster.size() < 2) {
                continue;
            }
            // the people this cluster spans, oldest first, each with the cluster's record that brings it in
            Map<UUID, Integer> spanned = new HashMap<>();
            for (int i : cluster) {
                UUID person = personOf.get(PersonIndex.recordKey(records.get(i)));
                if (person != null) {
                    spanned.putIfAbsent(find(parent, person), i);
                }
            }
            if (spanned.size() < 2) {
                continue;
            }
            List<UUID> people = new ArrayList<>(spanned.keySet());
            people.sort(oldestFirst);
            UUID keep = people.get(0);
            for (UUID other : people.subList(1, people.size())) {
                UUID kept = find(parent, keep);
                UUID merged = find(parent, other);
                if (kept.equals(merged)) {
                    continue;
                }
                if (!mayMerge(recordsOf.get(kept), recordsOf.get(merged), cannotLink, result, indexOf)) {
                    refused++;
                    continue;
                }
                UUID survivor = oldestFirst.compare(kept, merged) <= 0 ? kept : merged;
                UUID gone = survivor.equals(kept) ? merged : kept;
                String reason = reason(result, spanned.get(other), strongest, records);
                PersonIndex.mergeInto(c, survivor, gone, reason, ACTOR, now);
                parent.put(gone, survivor);
                recordsOf.get(survivor).addAll(recordsOf.remove(gone));
                merges++;
            }
        }
        return new long[] {merges, refused};
    }

    /** Never across a pair a person kept apart, nor across a pair the twins rule keeps apart. */
    private static boolean mayMerge(
            List<String> a,
            List<String> b,
            Set<String> cannotLink,
            BatchLinker.Result result,
            Map<String, Integer> indexOf) {
        for (String x : a) {
            for (String y : b) {
                if (cannotLink.contains(pairKey(x, y))) {
                    return false;
                }
                Integer i = indexOf.get(x);
                Integer j = indexOf.get(y);
                if (i != null && j != null && result.score(i, j).rule() == Rule.TWINS) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Record keys and rule only: the event log holds no personal data. */
    private static String reason(BatchLinker.Result result, int record, int[] strongest, List<PersonRecord> records) {
        String key = PersonIndex.recordKey(records.get(record));
        if (strongest[record] < 0) {
            return "batch relink: " + key + " clusters with the records of this person";
        }
        PairScore score = result.score(record, strongest[record]);
        return String.format(
                java.util.Locale.ROOT,
                "batch relink: %s links %s (%s, weight %.2f)",
                key,
                PersonIndex.recordKey(records.get(strongest[record])),
                score.rule(),
                score.matchWeight());
    }

    private static UUID find(Map<UUID, UUID> parent, UUID person) {
        UUID p = person;
        for (UUID next = parent.get(p); next != null; next = parent.get(p)) {
            p = next;
        }
        return p;
    }

    private static Set<String> cannotLinkPairs(Connection c) throws SQLException {
        Set<String> pairs = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select record_key_a, record_key_b from person_cannot_link")) {
            while (rs.next()) {
                pairs.add(pairKey(rs.getString(1), rs.getString(2)));
            }
        }
        return pairs;
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /**
     * Queues the batch's review pairs, skipping a pair whose records are one person by now, a pair kept apart, and a
     * pair already queued or decided either way round.
     */
    static long openReviews(Connection c, List<BatchLinker.ReviewPair> pairs, Instant now) throws SQLException {
        if (pairs.isEmpty()) {
            return 0;
        }
        long opened = 0;
        try (PreparedStatement s = c.prepareStatement("insert into match_review (record_key, candidate_record_key,"
                + " match_weight, match_probability, explanation, created_at)"
                + " select ?, ?, ?, ?, ?::jsonb, ? where not exists (select 1 from match_review m"
                + "   where (m.record_key = ? and m.candidate_record_key = ?)"
                + "      or (m.record_key = ? and m.candidate_record_key = ?))"
                + " and not exists (select 1 from person_cannot_link n where n.record_key_a = ? and n.record_key_b = ?)"
                + " and (select person_id from person_record where record_key = ?)"
                + "  <> (select person_id from person_record where record_key = ?)")) {
            int batched = 0;
            for (BatchLinker.ReviewPair pair : pairs) {
                String a = PersonIndex.recordKey(pair.first());
                String b = PersonIndex.recordKey(pair.second());
                PairScore score = pair.score();
                s.setString(1, a);
                s.setString(2, b);
                s.setDouble(3, score.matchWeight());
                s.setDouble(4, score.matchProbability());
                s.setString(5, PersonIndex.explanationJson(score));
                s.setTimestamp(6, Timestamp.from(now));
                s.setString(7, a);
                s.setString(8, b);
                s.setString(9, b);
                s.setString(10, a);
                s.setString(11, a.compareTo(b) < 0 ? a : b);
                s.setString(12, a.compareTo(b) < 0 ? b : a);
                s.setString(13, a);
                s.setString(14, b);
                s.addBatch();
                if (++batched % 2_000 == 0) {
                    opened += sum(s.executeBatch());
                }
            }
            opened += sum(s.executeBatch());
        }
        return opened;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int n : counts) {
            total += Math.max(n, 0);
        }
        return total;
    }
}

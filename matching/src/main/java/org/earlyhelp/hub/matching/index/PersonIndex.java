package org.earlyhelp.hub.matching.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.Blocking;
import org.earlyhelp.hub.matching.engine.LinkRule;
import org.earlyhelp.hub.matching.engine.ModelStamp;
import org.earlyhelp.hub.matching.engine.Outcome;
import org.earlyhelp.hub.matching.engine.PairMatcher;
import org.earlyhelp.hub.matching.engine.PairScore;
import org.earlyhelp.hub.matching.engine.PreparedRecord;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.households.HouseholdKey;
import org.earlyhelp.hub.matching.model.Explanation;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Resolves each arriving record to a person, in PostgreSQL. A record is compared only with the records that share one
 * of its blocking keys; the best-scoring person whose records it links to gets it, otherwise it starts a new person.
 * Pairs between the thresholds go to the clerical review queue; a person deciding them merges people or keeps them
 * apart for good. Resolutions that share a blocking key are serialised by advisory locks, so two records about one
 * new person arriving at once on two threads (or two instances) still become one person.
 */
public final class PersonIndex {

    public static final String NEW_PERSON = "NEW_PERSON";
    public static final String ALREADY_INDEXED = "ALREADY_INDEXED";
    public static final String CLERICAL = "CLERICAL";
    /** Identical, once normalised, to a record already resolved: joins that record's person unscored. */
    public static final String IDENTICAL_DEMOGRAPHICS = "IDENTICAL_DEMOGRAPHICS";

    static final String MATCHER = "matcher";

    /** Records read per blocking key; a key shared by more (a very common name and year) adds no useful candidates. */
    static final int CANDIDATES_PER_KEY = 500;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DataSource dataSource;
    private final PairMatcher matcher;
    private final IndexTermFrequencies frequencies;
    private final Clock clock;
    private final boolean durableResolutions;
    private final Function<PersonRecord, Object> prepare;

    /** The matcher as it decides at the index's size, read again every {@link #SIZE_REFRESH}. */
    private volatile Sized sized;

    /**
     * How often the index's record count is read again for the {@link org.earlyhelp.hub.matching.engine.LinkRule}'s
     * prior. A 1% growth moves the prior by 0.014 bits, so two instances reading it at different moments decide alike.
     */
    static final java.time.Duration SIZE_REFRESH = java.time.Duration.ofSeconds(30);

    private record Sized(long readAt, PairMatcher matcher, BiFunction<Object, Object, PairScore> score) {}

    /** Candidates made ready for comparison, by record key: an indexed record's demographics never change. */
    private final Map<String, Object> preparedCache =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(1 << 16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > PREPARED_CACHE_SIZE;
                }
            });

    /** Prepared candidates kept in memory (a few hundred bytes each). */
    static final int PREPARED_CACHE_SIZE = 200_000;

    public PersonIndex(DataSource dataSource, PairMatcher matcher, IndexTermFrequencies frequencies, Clock clock) {
        this(dataSource, matcher, frequencies, clock, true);
    }

    /**
     * @param durableResolutions false lets a resolution's commit return before its WAL reaches disk ({@code
     *     synchronous_commit off}). Safe only for a caller that replays its input until a later synchronous commit
     *     (which flushes all earlier WAL) has happened, as the hub's resolve step does: its batch's ledger entries are
     *     written synchronously before the input offsets are committed, and resolving is idempotent.
     */
    public PersonIndex(
            DataSource dataSource,
            PairMatcher matcher,
            IndexTermFrequencies frequencies,
            Clock clock,
            boolean durableResolutions) {
        this.durableResolutions = durableResolutions;
        // Normalise and encode each record once, not once per pair (preparing does not depend on the settings).
        this.prepare = matcher instanceof StandardMatcher standard ? standard::prepare : r -> r;
        this.dataSource = dataSource;
        this.matcher = matcher;
        this.frequencies = frequencies;
        this.clock = clock;
    }

    public static String recordKey(String source, String recordId) {
        return source + "/" + recordId;
    }

    public static String recordKey(PersonRecord record) {
        if (record.source() == null || record.id() == null) {
            throw new IllegalArgumentException("a record needs a source and an id to be indexed");
        }
        return recordKey(record.source(), record.id());
    }

    /** Resolves one record; idempotent: a record already indexed keeps its person. */
    public Resolution resolve(PersonRecord record) {
        String key = recordKey(record);
        Set<String> blockKeys = new TreeSet<>(matcher.blockingKeys(record));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!durableResolutions) {
                    try (Statement st = c.createStatement()) {
                        st.execute("set local synchronous_commit to off");
                    }
                }
                lock(c, blockKeys);
                Optional<UUID> existing = personOf(c, key);
                if (existing.isPresent()) {
                    c.commit();
                    return new Resolution(key, existing.get(), ALREADY_INDEXED, null, 0);
                }
                Resolution resolution = resolveNew(c, key, record, blockKeys);
                c.commit();
                frequencies.committed(record);
                return resolution;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexException("could not resolve a record from " + record.source(), e);
        }
    }

    /**
     * The person a probe is, as {@link #resolve} would link it, without indexing it: read-only (no locks, no rows, no
     * review), for a question such as "is this child known to you?". Empty when resolve would make a new person of it,
     * including when it is too close to call between two people kept apart.
     */
    public Optional<UUID> find(PersonRecord probe) {
        Set<String> blockKeys = new TreeSet<>(matcher.blockingKeys(probe));
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Map<UUID, Candidate> best = new LinkedHashMap<>();
            Set<UUID> vetoed = new HashSet<>();
            Object arriving = prepare.apply(probe);
            Sized deciding = sized(c);
            for (Candidate candidate : candidates(c, blockKeys)) {
                PairScore score = deciding.score().apply(arriving, candidate.record());
                if (score.rule().keepsApart()) {
                    vetoed.add(candidate.personId());
                    continue;
                }
                best.merge(
                        candidate.personId(),
                        candidate.withScore(score),
                        (a, b) -> a.score().matchWeight() >= b.score().matchWeight() ? a : b);
            }
            vetoed.forEach(best::remove);
            List<Candidate> ranked = best.values().stream()
                    .filter(x -> x.score().outcome() == Outcome.LINK)
                    .sorted(Comparator.comparingDouble((Candidate x) -> -strength(x)))
                    .toList();
            if (ranked.isEmpty() || ambiguous(ranked, deciding)) {
                return Optional.empty();
            }
            return Optional.of(ranked.get(0).personId());
        } catch (SQLException e) {
            throw new IndexException("could not search the person index", e);
        }
    }

    private Resolution resolveNew(Connection c, String key, PersonRecord record, Set<String> blockKeys)
            throws SQLException {
        String fingerprint = Fingerprint.of(record);
        Optional<String[]> identical = identical(c, fingerprint);
        if (identical.isPresent()) {
            // Scoring it again would give exactly what the identical record got; its blocking keys and household are
            // already in the index through that record.
            UUID personId = UUID.fromString(identical.get()[0]);
            Instant now = clock.instant();
            insertRecord(c, key, record, personId, now, fingerprint);
            insertLink(
                    c,
                    key,
                    personId,
                    IDENTICAL_DEMOGRAPHICS,
                    identical.get()[1],
                    null,
                    now,
                    MATCHER,
                    sized(c).matcher().stamp());
            return new Resolution(key, personId, IDENTICAL_DEMOGRAPHICS, null, 0);
        }
        Map<UUID, Candidate> best = new LinkedHashMap<>();
        Set<UUID> vetoed = new HashSet<>();
        Object arriving = prepare.apply(record);
        Sized deciding = sized(c);
        for (Candidate candidate : candidates(c, blockKeys)) {
            PairScore score = deciding.score().apply(arriving, candidate.record());
            if (score.rule().keepsApart()) {
                vetoed.add(candidate.personId());
                continue;
            }
            Candidate scored = candidate.withScore(score);
            best.merge(
                    candidate.personId(),
                    scored,
                    (a, b) -> a.score().matchWeight() >= b.score().matchWeight() ? a : b);
        }
        vetoed.forEach(best::remove);
        List<Candidate> ranked = best.values().stream()
                .filter(x -> x.score().outcome() != Outcome.NO_LINK)
                .sorted(Comparator.comparingInt(
                                (Candidate x) -> x.score().outcome().ordinal())
                        .thenComparing(x -> -x.score().matchWeight()))
                .toList();

        Instant now = clock.instant();
        Candidate chosen = !ranked.isEmpty() && ranked.get(0).score().outcome() == Outcome.LINK ? ranked.get(0) : null;
        if (chosen != null && ambiguous(ranked, deciding)) {
            // too close to call between two people kept apart: a person of its own, and both go to review
            chosen = null;
        }
        UUID personId;
        if (chosen == null) {
            personId = UUID.randomUUID();
            insertPerson(c, personId, now);
        } else {
            personId = chosen.personId();
        }
        insertRecord(c, key, record, personId, now, fingerprint);
        insertBlockKeys(c, key, blockKeys);
        insertHousehold(c, key, record);
        if (chosen == null) {
            insertLink(
                    c,
                    key,
                    personId,
                    NEW_PERSON,
                    null,
                    null,
                    now,
                    MATCHER,
                    deciding.matcher().stamp());
        } else {
            insertLink(
                    c,
                    key,
                    personId,
                    chosen.score().rule().name(),
                    chosen.recordKey(),
                    chosen.score(),
                    now,
                    MATCHER,
                    deciding.matcher().stamp());
        }
        // Every other person it may be goes to a person: another LINK-level person means the two may be one.
        int reviews = 0;
        for (Candidate other : ranked) {
            if (other != chosen) {
                reviews += openReview(c, key, other.recordKey(), other.score(), now);
            }
        }
        String method = chosen == null ? NEW_PERSON : chosen.score().rule().name();
        return new Resolution(key, personId, method, chosen == null ? null : chosen.score(), reviews);
    }

    /**
     * The ambiguity test of the {@link LinkRule}, as the batch linker applies it: the
     * two people this record links to most strongly are kept apart from each other (their two records are twins or
     * relatives) and neither link is the margin stronger.
     */
    private static boolean ambiguous(List<Candidate> ranked, Sized deciding) {
        List<Candidate> linking = ranked.stream()
                .filter(x -> x.score().outcome() == Outcome.LINK)
                .sorted(Comparator.comparingDouble((Candidate x) -> -strength(x)))
                .toList();
        if (linking.size() < 2) {
            return false;
        }
        Candidate first = linking.get(0);
        Candidate second = linking.get(1);
        return LinkRule.ambiguous(strength(first), strength(second))
                && deciding.score()
                        .apply(first.record(), second.record())
                        .rule()
                        .keepsApart();
    }

    private static double strength(Candidate candidate) {
        return candidate.score().rule().linksWhateverTheWeight()
                ? Double.POSITIVE_INFINITY
                : candidate.score().matchWeight();
    }

    /**
     * The matcher for the index's present size (the {@link org.earlyhelp.hub.matching.engine.LinkRule}, as {@code link}
     * decides), the count read again when older than {@link #SIZE_REFRESH}. Every instance reads the same table, so
     * two hubs on one database use the same prior to within the records of that interval.
     */
    private Sized sized(Connection c) throws SQLException {
        Sized current = sized;
        long now = System.nanoTime();
        if (current != null && now - current.readAt() < SIZE_REFRESH.toNanos()) {
            return current;
        }
        long records;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from person_record")) {
            rs.next();
            records = rs.getLong(1);
        }
        PairMatcher at = matcher.forRecords(Math.max(records + 1, 2));
        BiFunction<Object, Object, PairScore> score = at instanceof StandardMatcher standard
                ? (a, b) -> standard.score((PreparedRecord) a, (PreparedRecord) b)
                : (a, b) -> at.score((PersonRecord) a, (PersonRecord) b);
        current = new Sized(now, at, score);
        sized = current;
        return current;
    }

    /** Writes the name counts gathered by resolutions since the last call (see {@link IndexTermFrequencies}). */
    public void flushTermFrequencies() {
        frequencies.flush(dataSource);
    }

    /** The person a record belongs to now. */
    public Optional<UUID> personOf(String source, String recordId) {
        try (Connection c = dataSource.getConnection()) {
            return personOf(c, recordKey(source, recordId));
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
    }

    /** Follows merges: a person merged away answers with the person it was merged into. */
    public Optional<UUID> currentPerson(UUID personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select person_id, merged_into from person where person_id = ?")) {
            UUID id = personId;
            for (int hops = 0; hops < 100; hops++) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID next = rs.getObject(2, UUID.class);
                    if (next == null) {
                        return Optional.of(id);
                    }
                    id = next;
                }
            }
            throw new IndexException("merge chain too long");
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
    }

    /** Every record of a person, with how it was linked. */
    public List<IndexedRecord> recordsOf(UUID personId) {
        return indexedRecords("r.person_id = ?", personId);
    }

    /** One record, by {@code <source>/<record id>}. */
    public Optional<IndexedRecord> record(String recordKey) {
        return indexedRecords("r.record_key = ?", recordKey).stream().findFirst();
    }

    private List<IndexedRecord> indexedRecords(String where, Object parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select r.record_key, r.person_id, r.demographics::text,"
                        + " l.method, l.match_weight, l.explanation::text"
                        + " from person_record r join person_link l on l.record_key = r.record_key"
                        + " where " + where + " order by r.received_at, r.record_key")) {
            s.setObject(1, parameter);
            List<IndexedRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double weight = rs.getDouble(5);
                    records.add(new IndexedRecord(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            readRecord(rs.getString(3)),
                            rs.getString(4),
                            rs.wasNull() ? null : weight,
                            rs.getString(6)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
    }

    /** The oldest open pairs first. */
    public List<ReviewItem> openReviews(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select m.review_id, m.record_key, a.person_id,"
                        + " m.candidate_record_key, b.person_id, m.match_weight, m.match_probability,"
                        + " m.explanation::text, m.created_at"
                        + " from match_review m join person_record a on a.record_key = m.record_key"
                        + " join person_record b on b.record_key = m.candidate_record_key"
                        + " where m.status = 'OPEN' order by m.created_at, m.review_id limit ?")) {
            s.setInt(1, limit);
            List<ReviewItem> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new ReviewItem(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            rs.getString(8),
                            rs.getTimestamp(9).toInstant()));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IndexException("could not read the review queue", e);
        }
    }

    /** How big the index is: people (not merged away), records, and pairs waiting for review. */
    public record Stats(long people, long records, long openReviews) {}

    public Stats stats() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select (select count(*) from person where merged_into is null),"
                                + " (select count(*) from person_record),"
                                + " (select count(*) from match_review where status = 'OPEN')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Stats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
    }

    public long openReviewCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from match_review where status = 'OPEN'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IndexException("could not read the review queue", e);
        }
    }

    /**
     * Records a reviewer's answer. SAME_PERSON merges the two people (the candidate's, the older, is kept) and closes
     * every other open pair between them; DIFFERENT_PEOPLE keeps the pair apart for good.
     *
     * @return the person the record belongs to afterwards
     */
    public UUID decide(long reviewId, ReviewDecision decision, String actor) {
        requireActor(actor);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String recordKey;
                String candidateKey;
                double weight;
                String explanation;
                try (PreparedStatement s = c.prepareStatement("select record_key, candidate_record_key, match_weight,"
                        + " explanation::text, status from match_review where review_id = ? for update")) {
                    s.setLong(1, reviewId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IndexException("no review " + reviewId);
                        }
                        if (!"OPEN".equals(rs.getString(5))) {
                            throw new IndexException("review " + reviewId + " was already decided: " + rs.getString(5));
                        }
                        recordKey = rs.getString(1);
                        candidateKey = rs.getString(2);
                        weight = rs.getDouble(3);
                        explanation = rs.getString(4);
                    }
                }
                Instant now = clock.instant();
                UUID person = personOf(c, recordKey).orElseThrow();
                UUID candidatePerson = personOf(c, candidateKey).orElseThrow();
                UUID result = person;
                if (decision == ReviewDecision.SAME_PERSON) {
                    if (!person.equals(candidatePerson)) {
                        mergeInto(c, candidatePerson, person, "clerical review " + reviewId, actor, now);
                        result = candidatePerson;
                    }
                    try (PreparedStatement s = c.prepareStatement("update person_link set person_id = ?, method = ?,"
                            + " matched_record_key = ?, match_weight = ?, explanation = ?::jsonb, linked_at = ?,"
                            + " linked_by = ? where record_key = ?")) {
                        s.setObject(1, result);
                        s.setString(2, CLERICAL);
                        s.setString(3, candidateKey);
                        s.setDouble(4, weight);
                        s.setString(5, explanation);
                        s.setTimestamp(6, Timestamp.from(now));
                        s.setString(7, actor);
                        s.setString(8, recordKey);
                        s.executeUpdate();
                    }
                } else {
                    cannotLink(c, recordKey, candidateKey);
                }
                try (PreparedStatement s = c.prepareStatement(
                        "update match_review set status = ?, decided_by = ?, decided_at = ? where review_id = ?")) {
                    s.setString(1, decision.name());
                    s.setString(2, actor);
                    s.setTimestamp(3, Timestamp.from(now));
                    s.setLong(4, reviewId);
                    s.executeUpdate();
                }
                if (decision == ReviewDecision.SAME_PERSON) {
                    // Other open pairs between the same two people are answered by this decision.
                    try (PreparedStatement s = c.prepareStatement("update match_review m set status = 'SUPERSEDED',"
                            + " decided_by = ?, decided_at = ? where m.status = 'OPEN' and exists (select 1"
                            + " from person_record a, person_record b where a.record_key = m.record_key"
                            + " and b.record_key = m.candidate_record_key and a.person_id = b.person_id)")) {
                        s.setString(1, actor);
                        s.setTimestamp(2, Timestamp.from(now));
                        s.executeUpdate();
                    }
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexException("could not record the review decision", e);
        }
    }

    /** Merges {@code other} into {@code keep}: every record of {@code other} moves, and the merge is recorded. */
    public void merge(UUID keep, UUID other, String reason, String actor) {
        requireActor(actor);
        inTransaction(c -> mergeInto(c, keep, other, reason, actor, clock.instant()));
    }

    /**
     * Moves the given records of a person to a new person, and records that they are not the same as the records
     * left behind, so the matcher never joins them again.
     *
     * @return the new person
     */
    public UUID split(UUID personId, Collection<String> recordKeys, String reason, String actor) {
        requireActor(actor);
        if (recordKeys.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one record to move");
        }
        UUID created = UUID.randomUUID();
        inTransaction(c -> {
            Set<String> all = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select record_key from person_record where person_id = ?")) {
                s.setObject(1, personId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                }
            }
            if (!all.containsAll(recordKeys)) {
                throw new IndexException("every record to split off must belong to the person");
            }
            if (all.size() == recordKeys.size()) {
                throw new IndexException("a split must leave at least one record with the person");
            }
            Instant now = clock.instant();
            insertPerson(c, created, now);
            moveRecords(c, recordKeys, created, actor, now);
            // A record that joined unscored (identical demographics) has no blocking keys or household of its own:
            // give the moved records theirs, so the new person can be found and placed on its own.
            for (String moved : recordKeys) {
                PersonRecord demographics = record(c, moved);
                insertBlockKeys(c, moved, new TreeSet<>(matcher.blockingKeys(demographics)));
                insertHousehold(c, moved, demographics);
            }
            for (String moved : recordKeys) {
                for (String stays : all) {
                    if (!recordKeys.contains(stays)) {
                        cannotLink(c, moved, stays);
                    }
                }
            }
            insertEvent(c, "SPLIT", personId, created, recordKeys, reason, actor, now);
        });
        return created;
    }

    /** Every merge and split a person took part in, oldest first. */
    public List<PersonEvent> history(UUID personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select event_id, kind, person_id, other_person_id,"
                        + " record_keys, reason, actor, at from person_event"
                        + " where person_id = ? or other_person_id = ? order by event_id")) {
            s.setObject(1, personId);
            s.setObject(2, personId);
            List<PersonEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new PersonEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            List.of((String[]) rs.getArray(5).getArray()),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IndexException("could not read the person history", e);
        }
    }

    /**
     * Records a relationship a partner asserts between two of its records, e.g. {@code PARENT_OF} from the case
     * system. The records need not be indexed yet; the relationship joins whichever people they belong to.
     */
    public void relate(String source, String fromRecordId, String toRecordId, String kind) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into person_relationship"
                    + " (from_record_key, to_record_key, kind, source, asserted_at) values (?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                s.setString(1, recordKey(source, fromRecordId));
                s.setString(2, recordKey(source, toRecordId));
                s.setString(3, kind);
                s.setString(4, source);
                s.setTimestamp(5, Timestamp.from(clock.instant()));
                s.executeUpdate();
            }
        });
    }

    // --- writing -------------------------------------------------------------------------------------------------

    static void mergeInto(Connection c, UUID keep, UUID other, String reason, String actor, Instant now)
            throws SQLException {
        if (keep.equals(other)) {
            return;
        }
        List<String> moved = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select record_key from person_record where person_id = ?")) {
            s.setObject(1, other);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getString(1));
                }
            }
        }
        moveRecords(c, moved, keep, null, now);
        try (PreparedStatement s = c.prepareStatement("update person set merged_into = ? where person_id = ?")) {
            s.setObject(1, keep);
            s.setObject(2, other);
            s.executeUpdate();
        }
        insertEvent(c, "MERGE", keep, other, moved, reason, actor, now);
    }

    private static void moveRecords(Connection c, Collection<String> recordKeys, UUID to, String actor, Instant now)
            throws SQLException {
        Array keys = c.createArrayOf("text", recordKeys.toArray());
        try (PreparedStatement s =
                c.prepareStatement("update person_record set person_id = ? where record_key = any(?)")) {
            s.setObject(1, to);
            s.setArray(2, keys);
            s.executeUpdate();
        }
        String sql = actor == null
                ? "update person_link set person_id = ? where record_key = any(?)"
                : "update person_link set person_id = ?, method = '" + CLERICAL + "', matched_record_key = null,"
                        + " match_weight = null, explanation = null, linked_at = ?, linked_by = ?"
                        + " where record_key = any(?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, to);
            if (actor == null) {
                s.setArray(2, keys);
            } else {
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, actor);
                s.setArray(4, keys);
            }
            s.executeUpdate();
        }
    }

    private static void insertEvent(
            Connection c,
            String kind,
            UUID person,
            UUID other,
            Collection<String> recordKeys,
            String reason,
            String actor,
            Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into person_event (kind, person_id, other_person_id,"
                + " record_keys, reason, actor, at) values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, kind);
            s.setObject(2, person);
            s.setObject(3, other);
            s.setArray(4, c.createArrayOf("text", recordKeys.toArray()));
            s.setString(5, reason);
            s.setString(6, actor);
            s.setTimestamp(7, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private static void cannotLink(Connection c, String a, String b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into person_cannot_link (record_key_a, record_key_b) values (?, ?) on conflict do nothing")) {
            s.setString(1, a.compareTo(b) < 0 ? a : b);
            s.setString(2, a.compareTo(b) < 0 ? b : a);
            s.executeUpdate();
        }
    }

    private static void insertPerson(Connection c, UUID personId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into person (person_id, created_at) values (?, ?)")) {
            s.setObject(1, personId);
            s.setTimestamp(2, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private static void insertRecord(
            Connection c, String key, PersonRecord record, UUID personId, Instant now, String fingerprint)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into person_record (record_key, source, education,"
                + " person_id, demographics, received_at, fingerprint) values (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, record.source());
            s.setBoolean(3, record.education());
            s.setObject(4, personId);
            s.setString(5, writeRecord(record));
            s.setTimestamp(6, Timestamp.from(now));
            s.setString(7, fingerprint);
            s.executeUpdate();
        }
    }

    private static void insertBlockKeys(Connection c, String key, Set<String> blockKeys) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into person_block_key (block_key, record_key) values (?, ?) on conflict do nothing")) {
            for (String blockKey : blockKeys) {
                s.setString(1, blockKey);
                s.setString(2, key);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertHousehold(Connection c, String key, PersonRecord record) throws SQLException {
        Optional<String> household = HouseholdKey.of(record);
        if (household.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into household_record (household_key, record_key)" + " values (?, ?) on conflict do nothing")) {
            s.setString(1, household.get());
            s.setString(2, key);
            s.executeUpdate();
        }
    }

    private static void insertLink(
            Connection c,
            String key,
            UUID personId,
            String method,
            String matchedKey,
            PairScore score,
            Instant now,
            String actor,
            ModelStamp stamp)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into person_link (record_key, person_id, method,"
                + " matched_record_key, match_weight, explanation, linked_at, linked_by, model_version,"
                + " link_threshold, review_threshold)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setObject(2, personId);
            s.setString(3, method);
            s.setString(4, matchedKey);
            if (score == null) {
                s.setNull(5, java.sql.Types.DOUBLE);
                s.setNull(6, java.sql.Types.VARCHAR);
            } else {
                s.setDouble(5, score.matchWeight());
                s.setString(6, explanationJson(score));
            }
            s.setTimestamp(7, Timestamp.from(now));
            s.setString(8, actor);
            s.setString(9, stamp == null ? null : stamp.version());
            if (stamp == null) {
                s.setNull(10, java.sql.Types.DOUBLE);
                s.setNull(11, java.sql.Types.DOUBLE);
            } else {
                s.setDouble(10, stamp.linkThreshold());
                s.setDouble(11, stamp.reviewThreshold());
            }
            s.executeUpdate();
        }
    }

    private static int openReview(Connection c, String key, String candidateKey, PairScore score, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into match_review (record_key, candidate_record_key,"
                + " match_weight, match_probability, explanation, created_at) values (?, ?, ?, ?, ?::jsonb, ?)"
                + " on conflict do nothing")) {
            s.setString(1, key);
            s.setString(2, candidateKey);
            s.setDouble(3, score.matchWeight());
            s.setDouble(4, score.matchProbability());
            s.setString(5, explanationJson(score));
            s.setTimestamp(6, Timestamp.from(now));
            return s.executeUpdate();
        }
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** @param record the candidate as prepared for scoring */
    private record Candidate(String recordKey, UUID personId, Object record, PairScore score) {
        Candidate withScore(PairScore s) {
            return new Candidate(recordKey, personId, record, s);
        }
    }

    private List<Candidate> candidates(Connection c, Set<String> blockKeys) throws SQLException {
        if (blockKeys.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> found = new LinkedHashMap<>();
        // a rule with its own block cap (a name with an initial) gives no candidates from a block over that cap, as the
        // batch linker compares none through it; every other key gives at most CANDIDATES_PER_KEY
        String[] keys = blockKeys.toArray(String[]::new);
        Integer[] caps = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int colon = keys[i].indexOf(':');
            int cap = colon < 0 ? Integer.MAX_VALUE : Blocking.maxBlockOf(keys[i].substring(0, colon));
            caps[i] = Math.min(cap, CANDIDATES_PER_KEY);
        }
        try (PreparedStatement s = c.prepareStatement("select r.record_key, r.person_id"
                + " from (select distinct k.record_key from unnest(?::text[], ?::int[]) as b(block_key, cap)"
                + "   cross join lateral (select x.record_key, count(*) over () as n from (select record_key"
                + "     from person_block_key p where p.block_key = b.block_key"
                + "     limit least(b.cap + 1, " + CANDIDATES_PER_KEY + ")) x) k"
                + "   where k.n <= b.cap) ks"
                + " join person_record r on r.record_key = ks.record_key")) {
            s.setArray(1, c.createArrayOf("text", keys));
            s.setArray(2, c.createArrayOf("integer", caps));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        Map<String, Object> prepared = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : found.keySet()) {
            Object cached = preparedCache.get(key);
            if (cached == null) {
                missing.add(key);
            } else {
                prepared.put(key, cached);
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select record_key, demographics::text from person_record where record_key = any(?)")) {
                s.setArray(1, c.createArrayOf("text", missing.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Object ready = prepare.apply(readRecord(rs.getString(2)));
                        preparedCache.put(rs.getString(1), ready);
                        prepared.put(rs.getString(1), ready);
                    }
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>(found.size());
        found.forEach((key, person) -> candidates.add(new Candidate(key, person, prepared.get(key), null)));
        return candidates;
    }

    private static PersonRecord record(Connection c, String recordKey) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select demographics::text from person_record where record_key = ?")) {
            s.setString(1, recordKey);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IndexException("no record " + recordKey);
                }
                return readRecord(rs.getString(1));
            }
        }
    }

    /** The person and record key of a record with these demographics, if one is indexed. */
    private static Optional<String[]> identical(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select person_id::text, record_key from person_record where fingerprint = ? limit 1")) {
            s.setString(1, fingerprint);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static Optional<UUID> personOf(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select person_id from person_record where record_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Transaction-scoped advisory locks, always taken in the same (sorted) order so two resolutions cannot deadlock. */
    private static void lock(Connection c, Set<String> sortedKeys) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
            for (String k : sortedKeys) {
                s.setString(1, k);
                s.execute();
            }
        }
    }

    // --- JSON ----------------------------------------------------------------------------------------------------

    static String writeRecord(PersonRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IndexException("could not write a record's demographics", e);
        }
    }

    static PersonRecord readRecord(String json) {
        try {
            return JSON.readValue(json, PersonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IndexException("could not read a record's demographics", e);
        }
    }

    /** {@code {"rule":..,"matchWeight":..,"prior":..,"comparisons":[{"comparison":..,"level":..,"weight":..}]}}. */
    public static String explanationJson(PairScore score) {
        Explanation explanation = score.explanation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", score.rule().name());
        json.put("outcome", score.outcome().name());
        json.put("matchWeight", round(score.matchWeight()));
        json.put("matchProbability", score.matchProbability());
        json.put("prior", round(explanation.priorWeight()));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Explanation.Contribution contribution : explanation.contributions()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("comparison", contribution.comparison());
            part.put("level", contribution.level().name());
            part.put("weight", round(contribution.weight()));
            parts.add(part);
        }
        json.put("comparisons", parts);
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IndexException("could not write an explanation", e);
        }
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a decision about people needs the name of who made it");
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexException("could not update the person index", e);
        }
    }
}

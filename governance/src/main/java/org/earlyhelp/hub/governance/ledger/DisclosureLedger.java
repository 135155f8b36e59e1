package org.earlyhelp.hub.governance.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.decision.Outcome;

/**
 * The disclosure ledger in PostgreSQL. Appends are hash-chained and serialised by the lock on the chain head, so
 * several hub instances can share one ledger. Appends are idempotent by decision key: a record processed again after
 * a crash finds its decisions already written and gets the same entries back.
 */
public final class DisclosureLedger {

    static final String COLUMNS = "seq, entry_id, decision_key, decided_at, decision, record_id, subject_key,"
            + " provider, recipient, agreement_id, agreement_version, purpose, lawful_basis, fields_released,"
            + " reasons, entry_type, actor, details, prev_hash, hash";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final DataSource dataSource;
    private final Clock clock;
    private final ChainKey key;
    private final HeadCheckpointer checkpointer;
    private final Map<String, String> mark;

    /** A ledger whose appends write no checkpoints (tests, and commands that write their own). */
    public DisclosureLedger(DataSource dataSource, Clock clock, ChainKey key) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.key = Objects.requireNonNull(key, "key");
        this.checkpointer = null;
        this.mark = Map.of();
    }

    /**
     * A ledger that writes a checkpoint of the head after every append that passes a multiple of
     * {@code checkpointEvery}: entry numbers are handed out once across all instances, so exactly one append
     * (on whichever instance) passes each multiple, and a checkpoint is written only after its entries are committed.
     */
    public DisclosureLedger(
            DataSource dataSource, Clock clock, ChainKey key, LedgerCheckpoints checkpoints, int checkpointEvery) {
        this(dataSource, clock, key, checkpoints, checkpointEvery, Map.of());
    }

    /**
     * @param mark details added to every entry this ledger writes, e.g. {@code demonstration=true} in a demonstration
     *     deployment, so no entry of synthetic traffic is mistaken for a real disclosure
     */
    public DisclosureLedger(
            DataSource dataSource,
            Clock clock,
            ChainKey key,
            LedgerCheckpoints checkpoints,
            int checkpointEvery,
            Map<String, String> mark) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.key = Objects.requireNonNull(key, "key");
        this.checkpointer = new HeadCheckpointer(checkpoints, checkpointEvery, clock);
        this.mark = Map.copyOf(mark);
    }

    /**
     * Writes the drafts (in order) in one transaction and returns one entry per draft: the new entry, or the one
     * already written under the same decision key.
     */
    public List<LedgerEntry> append(List<LedgerDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        if (!mark.isEmpty()) {
            drafts = drafts.stream().map(d -> d.withDetails(mark)).toList();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Head before;
            Head after;
            List<LedgerEntry> result = new ArrayList<>(drafts.size());
            try {
                before = lockHead(c);
                after = append(c, before, drafts, result);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (checkpointer != null) {
                checkpointer.afterCommit(before, after);
            }
            return result;
        } catch (SQLException e) {
            throw new LedgerException("could not append to the disclosure ledger", e);
        }
    }

    /** The committed head: the last entry's number and hash, and where the keyed chain starts. */
    public record Head(long seq, String hash, long keyedFrom) {}

    /** The head as committed now. */
    public Head head() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(HEAD);
                ResultSet rs = ps.executeQuery()) {
            return head(rs);
        } catch (SQLException e) {
            throw new LedgerException("could not read the ledger head", e);
        }
    }

    /**
     * Writes a checkpoint of the committed head if it is past the newest checkpoint (the every-minute checkpoint;
     * with several instances, whichever comes first writes it). Returns the checkpoint written, if any.
     */
    public Optional<Checkpoint> checkpointHead() {
        return checkpointer == null ? Optional.empty() : checkpointer.ifPast(head());
    }

    private static final String HEAD = "select h.seq, h.hash, c.keyed_from from ledger_head h cross join ledger_chain c"
            + " where h.id = 1 and c.id = 1";

    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD + " for update of h");
                ResultSet rs = ps.executeQuery()) {
            return head(rs);
        }
    }

    static Head head(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new LedgerException("the ledger has no chain head: were the migrations run?", null);
        }
        return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3));
    }

    private Head append(Connection c, Head head, List<LedgerDraft> drafts, List<LedgerEntry> result)
            throws SQLException {
        long seq = head.seq();
        String hash = head.hash();
        Map<String, LedgerEntry> existing = findByDecisionKeys(
                c, drafts.stream().map(LedgerDraft::decisionKey).toList());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<LedgerEntry> fresh = new ArrayList<>();
        for (LedgerDraft d : drafts) {
            LedgerEntry entry = existing.get(d.decisionKey());
            if (entry == null) {
                entry = LedgerEntry.from(d, ++seq, UUID.randomUUID(), now, hash, head.keyedFrom(), key);
                hash = entry.hash();
                existing.put(d.decisionKey(), entry);
                fresh.add(entry);
            }
            result.add(entry);
        }
        if (!fresh.isEmpty()) {
            insert(c, fresh);
            try (PreparedStatement up = c.prepareStatement("update ledger_head set seq = ?, hash = ? where id = 1")) {
                up.setLong(1, seq);
                up.setString(2, hash);
                up.executeUpdate();
            }
        }
        return new Head(seq, hash, head.keyedFrom());
    }

    private static void insert(Connection c, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ledger_entry (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            for (LedgerEntry e : entries) {
                ps.setLong(1, e.seq());
                ps.setObject(2, e.entryId());
                ps.setString(3, e.decisionKey());
                ps.setTimestamp(4, Timestamp.from(e.decidedAt()));
                ps.setString(5, e.decision() == null ? null : e.decision().name());
                ps.setString(6, e.recordId());
                ps.setString(7, e.subjectKey());
                ps.setString(8, e.provider());
                ps.setString(9, e.recipient());
                ps.setString(10, e.agreementId());
                ps.setObject(11, e.agreementVersion(), java.sql.Types.INTEGER);
                ps.setString(12, e.purpose());
                ps.setString(13, e.lawfulBasis());
                ps.setArray(14, c.createArrayOf("text", e.fieldsReleased().toArray()));
                ps.setArray(15, c.createArrayOf("text", e.reasons().toArray()));
                ps.setString(16, e.type().name());
                ps.setString(17, e.actor());
                ps.setString(18, json(e.details()));
                ps.setString(19, e.prevHash());
                ps.setString(20, e.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, LedgerEntry> findByDecisionKeys(Connection c, List<String> keys) throws SQLException {
        Map<String, LedgerEntry> found = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("select " + COLUMNS + " from ledger_entry where decision_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LedgerEntry e = read(rs);
                    found.put(e.decisionKey(), e);
                }
            }
        }
        return found;
    }

    /** How many decisions withheld something as more detrimental to the child, by provider, agreement and reason. */
    public record WithheldCount(String provider, String agreementId, String reasons, String what, long decisions) {}

    /** Decisions at or after {@code since} that honoured a provider's withholding, counted for the board. */
    public List<WithheldCount> withheldSince(Instant since) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select provider, agreement_id, details->>'withheldReason',"
                        + " case when details->>'withheld' = 'record' then 'record' else 'fields' end, count(*)"
                        + " from ledger_entry where entry_type = 'DISCLOSURE' and details->>'withheld' is not null"
                        + " and decided_at >= ? group by 1, 2, 3, 4 order by 5 desc, 1, 2")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(since));
            List<WithheldCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WithheldCount(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not count withheld decisions", e);
        }
    }

    /** The entry written under a decision key (a disclosure's decision key is its delivery id). */
    public Optional<LedgerEntry> findByKey(String decisionKey) {
        return query("decision_key = ?", decisionKey).stream().findFirst();
    }

    public List<LedgerEntry> findByRecord(String recordId) {
        return query("record_id = ?", recordId);
    }

    public List<LedgerEntry> findBySubject(String subjectKey) {
        return query("subject_key = ?", subjectKey);
    }

    /** Entries about a person under any of their keys (every key version: see {@link SubjectKey#candidates}). */
    public List<LedgerEntry> findBySubjects(Collection<String> subjectKeys) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                        + " from ledger_entry where subject_key = any(?) order by seq limit 10000")) {
            ps.setArray(1, c.createArrayOf("text", subjectKeys.toArray()));
            List<LedgerEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not query the disclosure ledger", e);
        }
    }

    public List<LedgerEntry> findByAgreement(String agreementId) {
        return query("agreement_id = ?", agreementId);
    }

    /** Entries of one type decided at or after {@code since}, oldest first (at most 10,000). */
    public List<LedgerEntry> events(EntryType type, Instant since) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                        + " from ledger_entry where entry_type = ? and decided_at >= ? order by seq limit 10000")) {
            ps.setString(1, type.name());
            ps.setTimestamp(2, Timestamp.from(since));
            List<LedgerEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not query the disclosure ledger", e);
        }
    }

    private List<LedgerEntry> query(String where, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select " + COLUMNS + " from ledger_entry where " + where + " order by seq limit 10000")) {
            ps.setString(1, value);
            List<LedgerEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not query the disclosure ledger", e);
        }
    }

    /** What became of a permitted disclosure, keyed by its decision key; written once, the first outcome wins. */
    public void recordDelivery(
            String decisionKey, String recipient, DeliveryStatus status, int attempts, Integer http) {
        recordDeliveries(List.of(new DeliveryRecord(decisionKey, recipient, status, attempts, http)));
    }

    /** Records several delivery outcomes in one transaction; an outcome already recorded is kept. */
    public void recordDeliveries(List<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement relaxed = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("insert into delivery (decision_key, recipient, status,"
                            + " attempts, http_status, completed_at) values (?, ?, ?, ?, ?, ?)"
                            + " on conflict (decision_key) do nothing")) {
                // a delivery row lost to a crash only understates what was delivered (the decision itself is in
                // the chained ledger, written durably before sending), so it need not wait for the WAL flush
                relaxed.execute("set local synchronous_commit to off");
                Timestamp now = Timestamp.from(clock.instant());
                for (DeliveryRecord d : deliveries) {
                    ps.setString(1, d.decisionKey());
                    ps.setString(2, d.recipient());
                    ps.setString(3, d.status().name());
                    ps.setInt(4, d.attempts());
                    ps.setObject(5, d.httpStatus(), java.sql.Types.INTEGER);
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("could not record deliveries", e);
        }
    }

    /** One delivery outcome to record. */
    public record DeliveryRecord(
            String decisionKey, String recipient, DeliveryStatus status, int attempts, Integer httpStatus) {}

    /** The delivery outcomes for the given decision keys. */
    public Map<String, Delivery> deliveries(List<String> decisionKeys) {
        Map<String, Delivery> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select decision_key, status, attempts, http_status,"
                        + " completed_at from delivery where decision_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", decisionKeys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getString(1),
                            new Delivery(
                                    DeliveryStatus.valueOf(rs.getString(2)),
                                    rs.getInt(3),
                                    (Integer) rs.getObject(4),
                                    rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not read deliveries", e);
        }
    }

    static LedgerEntry read(ResultSet rs) throws SQLException {
        return new LedgerEntry(
                rs.getLong("seq"),
                rs.getObject("entry_id", UUID.class),
                rs.getString("decision_key"),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decision") == null ? null : Outcome.valueOf(rs.getString("decision")),
                rs.getString("record_id"),
                rs.getString("subject_key"),
                rs.getString("provider"),
                rs.getString("recipient"),
                rs.getString("agreement_id"),
                (Integer) rs.getObject("agreement_version"),
                rs.getString("purpose"),
                rs.getString("lawful_basis"),
                strings(rs.getArray("fields_released")),
                strings(rs.getArray("reasons")),
                EntryType.valueOf(rs.getString("entry_type")),
                rs.getString("actor"),
                details(rs.getString("details")),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LedgerException("ledger details are not serialisable", e);
        }
    }

    private static Map<String, String> details(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("ledger details are not a JSON object of strings", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public enum DeliveryStatus {
        DELIVERED,
        DEAD_LETTERED
    }

    public record Delivery(DeliveryStatus status, int attempts, Integer httpStatus, Instant completedAt) {}
}

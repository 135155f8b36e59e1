package org.earlyhelp.hub.governance.relationship;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The relationships the hub can check, in PostgreSQL (table {@code relationship}, V9). Writes are idempotent (one row
 * per organisation, kind and establishing record), so replays and two hub instances resolving the same batch agree.
 * Reads take the person index keys of one person's records: a relationship belongs to whoever its record belongs to
 * now, so it follows merges and splits without being rewritten.
 */
public final class RelationshipRegister {

    private static final String COLUMNS =
            "relationship_id, organisation, kind, record_key, record_id, detail, established_at, ended_at";

    private final DataSource dataSource;

    public RelationshipRegister(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies what a record asserts, as of the record's own time: opening assertions insert (once), closing ones end
     * the organisation's live relationships of that kind with the person ({@code personRecordKeys}, every index key
     * of the person now) that began no later than {@code at}.
     */
    public void apply(List<RelationshipAssertion> assertions, Collection<String> personRecordKeys, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement open = c.prepareStatement("insert into relationship (organisation, kind, record_key,"
                        + " record_id, detail, established_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing");
                PreparedStatement end = c.prepareStatement("update relationship set ended_at = ?, ended_by_record = ?"
                        + " where organisation = ? and kind = ? and record_key = any(?) and ended_at is null"
                        + " and established_at <= ?")) {
            for (RelationshipAssertion a : assertions) {
                if (a.closing()) {
                    end.setTimestamp(1, Timestamp.from(at));
                    end.setString(2, a.recordId());
                    end.setString(3, a.organisation());
                    end.setString(4, a.kind().name());
                    end.setArray(5, c.createArrayOf("text", personRecordKeys.toArray()));
                    end.setTimestamp(6, Timestamp.from(at));
                    end.executeUpdate();
                } else {
                    open.setString(1, a.organisation());
                    open.setString(2, a.kind().name());
                    open.setString(3, a.recordKey());
                    open.setString(4, a.recordId());
                    open.setString(5, a.detail());
                    open.setTimestamp(6, Timestamp.from(at));
                    open.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the relationship register", e);
        }
    }

    /** The live relationships {@code organisation} holds with the person whose index keys these are, oldest first. */
    public List<Relationship> live(String organisation, Collection<String> personRecordKeys) {
        return query(
                "organisation = ? and record_key = any(?) and ended_at is null order by established_at, relationship_id",
                organisation,
                personRecordKeys);
    }

    /**
     * Whether the authoritative source corroborates a relationship: a pupil on roll needs a live roll record for the
     * same person at the same URN (only the authoritative source's records assert ROLL_RECORD: its connector says
     * so). Kinds without such a source are not applicable.
     */
    public Corroboration corroboration(Relationship r, Collection<String> personRecordKeys) {
        if (!r.kind().hasAuthoritativeSource()) {
            return Corroboration.NOT_APPLICABLE;
        }
        List<Relationship> roll = query(
                "record_key = any(?) and ended_at is null and kind = 'ROLL_RECORD' and organisation <> ?",
                personRecordKeys,
                r.organisation());
        return roll.stream().anyMatch(x -> x.detail() != null && x.detail().equals(r.detail()))
                ? Corroboration.CORROBORATED
                : Corroboration.UNCORROBORATED;
    }

    /** Live relationships of one kind established at or after {@code since}, newest first (at most {@code limit}). */
    public List<Relationship> liveOfKind(RelationshipKind kind, Instant since, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from relationship where kind = ?"
                        + " and ended_at is null and established_at >= ? order by established_at desc limit ?")) {
            s.setString(1, kind.name());
            s.setTimestamp(2, Timestamp.from(since));
            s.setInt(3, limit);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the relationship register", e);
        }
    }

    private List<Relationship> query(String where, Collection<String> keys, String second) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from relationship where " + where)) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setString(2, second);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("relationship register unavailable: " + e.getSQLState(), e);
        }
    }

    private List<Relationship> query(String where, String organisation, Collection<String> keys) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from relationship where " + where)) {
            Array array = c.createArrayOf("text", keys.toArray());
            s.setString(1, organisation);
            s.setArray(2, array);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the relationship register", e);
        }
    }

    private static List<Relationship> read(PreparedStatement s) throws SQLException {
        List<Relationship> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp ended = rs.getTimestamp(8);
                out.add(new Relationship(
                        rs.getLong(1),
                        rs.getString(2),
                        RelationshipKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        ended == null ? null : ended.toInstant()));
            }
        }
        return out;
    }
}

package org.earlyhelp.hub.routes.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.minimise.RecordRetention;

/**
 * Deletes stored records once the longest retention of the agreements that could release them has passed (a record
 * no agreement could release is past it at once). Each batch deleted is one {@link EntryType#PURGE} ledger entry,
 * written before the deletion: provider, type, count, retention, cut-off and the record ids, never personal data.
 *
 * <p>Several hub instances share one database: a PostgreSQL advisory lock makes one of them purge at a time; the
 * others skip that round. A crash between a PURGE entry and its deletion leaves the same batch to the next round,
 * which finds its entry already written (the entry's key is a hash of the record ids) and deletes.
 */
public final class RecordPurge {

    /** The advisory lock key: "hubpurge" as 8 ASCII bytes. */
    static final long LOCK = 0x6875627075726765L;

    private final DataSource dataSource;
    private final RecordRetention retention;
    private final DisclosureLedger ledger;
    private final Clock clock;
    private final int batchSize;

    public RecordPurge(
            DataSource dataSource, RecordRetention retention, DisclosureLedger ledger, Clock clock, int batchSize) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.ledger = ledger;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** What one round did: whether it ran (another instance may hold the lock), and how many records it deleted. */
    public record Result(boolean ran, int purged) {}

    public Result purgeExpired() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                return new Result(false, 0);
            }
            try {
                int purged = 0;
                for (String[] kind : kinds(c)) {
                    Optional<Period> keep = retention.retentionFor(kind[0], kind[1], today);
                    Instant cutoff = keep.map(
                                    p -> now.atZone(ZoneOffset.UTC).minus(p).toInstant())
                            .orElse(now);
                    purged += purge(c, kind[0], kind[1], keep, cutoff);
                }
                return new Result(true, purged);
            } finally {
                lock(c, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge expired records", e);
        }
    }

    private int purge(Connection c, String provider, String type, Optional<Period> keep, Instant cutoff)
            throws SQLException {
        int purged = 0;
        while (true) {
            List<String> ids = expired(c, provider, type, cutoff);
            if (ids.isEmpty()) {
                return purged;
            }
            ledger.append(List.of(LedgerDraft.event(
                    EntryType.PURGE,
                    "purge:" + digest(ids),
                    "hub",
                    null,
                    Map.of(
                            "provider", provider,
                            "type", type,
                            "count", String.valueOf(ids.size()),
                            "retention", keep.map(Period::toString).orElse("none"),
                            "cutoff", cutoff.toString(),
                            "recordIds", String.join(",", ids)))));
            delete(c, ids);
            purged += ids.size();
        }
    }

    private List<String[]> kinds(Connection c) throws SQLException {
        List<String[]> kinds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select distinct provider, type from hub_record");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                kinds.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return kinds;
    }

    private List<String> expired(Connection c, String provider, String type, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select record_id from hub_record where provider = ? and type = ?"
                + " and received_at < ? order by received_at, record_id limit ?")) {
            s.setString(1, provider);
            s.setString(2, type);
            s.setTimestamp(3, Timestamp.from(cutoff));
            s.setInt(4, batchSize);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static void delete(Connection c, List<String> ids) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement people = c.prepareStatement("delete from hub_record_person where record_id = any(?)");
                PreparedStatement records = c.prepareStatement("delete from hub_record where record_id = any(?)")) {
            Array array = c.createArrayOf("text", ids.toArray());
            people.setArray(1, array);
            people.executeUpdate();
            records.setArray(1, array);
            records.executeUpdate();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.earlyhelp.hub.routes.resolve;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Keeps the canonical records the hub received, and which person index record each of their people is. Nothing no
 * agreement could release is written: each record passes through the {@link AtRestMinimiser} first (records already on
 * Kafka from before it, or from an intake that does not minimise, are caught here).
 */
public final class RecordStore {

    /** One person of one stored record. */
    public record StoredSubject(String recordKey, String recordId, String personRef, String role, byte[] body) {}

    private final DataSource dataSource;
    private final UnaryOperator<HubRecord> atRest;
    private final Function<HubRecord, byte[]> encoder;

    /**
     * @param atRest removes what no agreement could release
     * @param encoder encodes a record the minimiser changed (one left as it was keeps the bytes it came with)
     */
    public RecordStore(DataSource dataSource, AtRestMinimiser atRest, RecordCodec encoder) {
        this(dataSource, atRest::minimise, encoder::encode);
    }

    RecordStore(DataSource dataSource, UnaryOperator<HubRecord> atRest, Function<HubRecord, byte[]> encoder) {
        this.dataSource = dataSource;
        this.atRest = atRest;
        this.encoder = encoder;
    }

    /** The person index key of one person of a record: {@code <provider>/<record id>#<ref>}. */
    public static String recordKey(HubRecord record, Person person) {
        return record.getProvider() + "/" + sourceRecordId(record, person);
    }

    /** The id the person index knows this person of this record by, within the provider. */
    public static String sourceRecordId(HubRecord record, Person person) {
        return record.getRecordId() + "#" + person.getRef();
    }

    /** Idempotent: a record already stored is left as it is. */
    public void save(HubRecord record, byte[] encoded) {
        saveAll(List.of(record), List.of(encoded));
    }

    /** Stores a batch in one transaction; idempotent like {@link #save}. */
    public void saveAll(List<HubRecord> records, List<byte[]> encoded) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement("insert into hub_record (record_id, provider, kind, type,"
                            + " received_at, body) values (?, ?, ?, ?, ?, ?) on conflict do nothing");
                    PreparedStatement p = c.prepareStatement("insert into hub_record_person (record_key, record_id,"
                            + " person_ref, role) values (?, ?, ?, ?) on conflict do nothing")) {
                for (int i = 0; i < records.size(); i++) {
                    HubRecord received = records.get(i);
                    HubRecord record = atRest.apply(received);
                    byte[] body = record == received ? encoded.get(i) : encoder.apply(record);
                    r.setString(1, record.getRecordId());
                    r.setString(2, record.getProvider());
                    r.setString(3, record.getKind().name());
                    r.setString(4, record.getType());
                    r.setTimestamp(5, Timestamp.from(record.getReceivedAt()));
                    r.setBytes(6, body);
                    r.addBatch();
                    for (Person person : record.getPeople()) {
                        p.setString(1, recordKey(record, person));
                        p.setString(2, record.getRecordId());
                        p.setString(3, person.getRef());
                        p.setString(4, person.getRole().name());
                        p.addBatch();
                    }
                }
                r.executeBatch();
                p.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + records.size() + " records", e);
        }
    }

    /** The stored records about these person index records, oldest first. */
    public List<StoredSubject> about(Collection<String> recordKeys) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select p.record_key, p.record_id, p.person_ref, p.role, r.body"
                                + " from hub_record_person p join hub_record r on r.record_id = p.record_id"
                                + " where p.record_key = any(?) order by r.received_at, r.record_id")) {
            Array keys = c.createArrayOf("text", recordKeys.toArray());
            s.setArray(1, keys);
            List<StoredSubject> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredSubject(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored records", e);
        }
    }

    /** The stored bodies of the records received in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<byte[]> receivedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select body from hub_record where received_at >= ? and"
                        + " received_at < ? order by received_at, record_id limit ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(from));
            s.setTimestamp(2, java.sql.Timestamp.from(to));
            s.setInt(3, limit);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored records", e);
        }
    }

    /** The stored body (Avro single-object encoding) of a record, if the hub holds it. */
    public java.util.Optional<byte[]> body(String recordId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select body from hub_record where record_id = ?")) {
            s.setString(1, recordId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getBytes(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored records", e);
        }
    }

    /**
     * Stops holding a record its provider withdrew: the body and its people go, as at the end of retention, so no
     * later pull, release from review or replay can disclose it (the ledger keeps what was decided about it).
     *
     * @return whether the hub held it
     */
    public boolean withdraw(String recordId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement people = c.prepareStatement("delete from hub_record_person where record_id = ?");
                    PreparedStatement record = c.prepareStatement("delete from hub_record where record_id = ?")) {
                people.setString(1, recordId);
                people.executeUpdate();
                record.setString(1, recordId);
                int n = record.executeUpdate();
                c.commit();
                return n == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not withdraw the stored record", e);
        }
    }

    /** The provider of a stored record, if the hub holds it. */
    public java.util.Optional<String> providerOf(String recordId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select provider from hub_record where record_id = ?")) {
            s.setString(1, recordId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored records", e);
        }
    }
}

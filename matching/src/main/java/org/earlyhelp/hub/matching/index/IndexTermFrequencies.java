package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.TermFrequencies;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.matching.names.NameNormaliser;

/**
 * Name frequencies over the whole index, for term-frequency adjustment. Loaded once from PostgreSQL and kept up to date
 * as this instance indexes records; another instance's records show after a restart (a frequency moves slowly, so a
 * slightly stale one changes weights by a negligible amount).
 */
public final class IndexTermFrequencies implements TermFrequencies {

    static final String FORENAME = "forename";
    static final String SURNAME = "surname";

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    public IndexTermFrequencies(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select field, value, count from term_frequency");
                ResultSet rs = s.executeQuery()) {
            s.setFetchSize(10_000);
            while (rs.next()) {
                counts.put(rs.getString(1) + "\u001f" + rs.getString(2), new AtomicLong(rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IndexException("could not load term frequencies", e);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from person_record");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            total.set(rs.getLong(1));
        } catch (SQLException e) {
            throw new IndexException("could not count indexed records", e);
        }
    }

    @Override
    public double frequency(String field, String normalisedValue) {
        long n = total.get();
        AtomicLong count = counts.get(field + "\u001f" + normalisedValue);
        if (n < MINIMUM_RECORDS || count == null) {
            return Double.NaN;
        }
        return (double) count.get() / n;
    }

    /** Below this many records, frequencies are noise: no adjustment. */
    static final long MINIMUM_RECORDS = 1_000;

    /** The (field, value) terms of a record that are counted. */
    static Map<String, String> terms(PersonRecord record) {
        Map<String, String> terms = new java.util.LinkedHashMap<>();
        String forename = NameNormaliser.normalise(record.forename());
        String surname = NameNormaliser.normalise(record.surname());
        if (!forename.isEmpty()) {
            terms.put(FORENAME, forename);
        }
        if (!surname.isEmpty()) {
            terms.put(SURNAME, surname);
        }
        return terms;
    }

    /** Writes the record's terms in the caller's transaction. */
    void count(Connection c, PersonRecord record) throws SQLException {
        Map<String, String> terms = terms(record);
        if (terms.isEmpty()) {
            return;
        }
        try (PreparedStatement s =
                c.prepareStatement("insert into term_frequency (field, value, count) values (?, ?, 1)"
                        + " on conflict (field, value) do update set count = term_frequency.count + 1")) {
            for (Map.Entry<String, String> t : terms.entrySet()) {
                s.setString(1, t.getKey());
                s.setString(2, t.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Call after the transaction that {@link #count counted} the record committed. */
    void committed(PersonRecord record) {
        total.incrementAndGet();
        terms(record).forEach((field, value) -> counts.computeIfAbsent(field + "\u001f" + value, k -> new AtomicLong())
                .incrementAndGet());
    }

    /** Re-reads everything, e.g. after a bulk load. */
    public void reload(DataSource dataSource) {
        IndexTermFrequencies fresh = new IndexTermFrequencies(dataSource);
        counts.clear();
        counts.putAll(fresh.counts);
        total.set(fresh.total.get());
    }
}

package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();

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

    /**
     * Counts a record whose resolution committed. The stored counts are brought up to date by {@link #flush}, in one
     * short transaction for many records: counting inside each resolution made every resolution about a common name
     * wait on the same row. A crash loses at most the counts since the last flush, a drift of a few in thousands.
     */
    void committed(PersonRecord record) {
        total.incrementAndGet();
        terms(record).forEach((field, value) -> {
            String key = field + "\u001f" + value;
            counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            pending.computeIfAbsent(key, k -> new LongAdder()).increment();
        });
    }

    /** Writes the counts gathered since the last flush; on failure they stay pending for the next. */
    public void flush(DataSource dataSource) {
        Map<String, Long> deltas = new TreeMap<>();
        for (String key : List.copyOf(pending.keySet())) {
            LongAdder adder = pending.remove(key);
            if (adder != null && adder.sum() > 0) {
                deltas.put(key, adder.sum());
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into term_frequency (field, value, count)"
                    + " values (?, ?, ?) on conflict (field, value) do update"
                    + " set count = term_frequency.count + excluded.count")) {
                // sorted keys: two flushes never wait on each other's rows in opposite orders
                for (Map.Entry<String, Long> d : deltas.entrySet()) {
                    int split = d.getKey().indexOf('\u001f');
                    s.setString(1, d.getKey().substring(0, split));
                    s.setString(2, d.getKey().substring(split + 1));
                    s.setLong(3, d.getValue());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            deltas.forEach((key, n) ->
                    pending.computeIfAbsent(key, k -> new LongAdder()).add(n));
            throw new IndexException("could not write term frequencies", e);
        }
    }

    /** Re-reads everything, e.g. after a bulk load. */
    public void reload(DataSource dataSource) {
        IndexTermFrequencies fresh = new IndexTermFrequencies(dataSource);
        counts.clear();
        counts.putAll(fresh.counts);
        total.set(fresh.total.get());
    }
}

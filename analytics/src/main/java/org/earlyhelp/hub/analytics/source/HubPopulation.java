package org.earlyhelp.hub.analytics.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.needs.Observation;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.RecordView;
import org.earlyhelp.hub.governance.minimise.Withheld;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * The hub's population as analytics reads it, from the person index and the record store, in one read-only pass each.
 * What a provider withheld as more detrimental to the child is left out (a withheld field is not read; a record
 * withheld whole is not read at all), so no analysis rests on it. A household of more than {@value #MAX_HOUSEHOLD}
 * records (a hostel) does not make a family, as in the family view.
 */
public final class HubPopulation {

    static final int MAX_HOUSEHOLD = 12;
    private static final int FETCH = 2_000;

    private final DataSource dataSource;
    private final RecordCodec codec;
    private final FieldCatalogue catalogue;

    public HubPopulation(DataSource dataSource, RecordCodec codec, FieldCatalogue catalogue) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.catalogue = catalogue;
    }

    /** How many people the person index holds (not merged away). */
    public long people() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from person where merged_into is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the person index", e);
        }
    }

    /** The id of everyone in the index (not merged away). */
    public List<String> personIds() {
        List<String> out = new ArrayList<>();
        try (Connection c = readOnly()) {
            query(c, "select person_id::text from person where merged_into is null", rs -> out.add(rs.getString(1)));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person index", e);
        }
        return out;
    }

    /** Everyone in the index, joined into families by households and asserted relationships. */
    public Families families() {
        Families families = new Families();
        try (Connection c = readOnly()) {
            query(
                    c,
                    "select person_id::text from person where merged_into is null",
                    rs -> families.add(rs.getString(1)));
            String[] household = {null, null};
            query(
                    c,
                    "select h.household_key, r.person_id::text from household_record h"
                            + " join person_record r on r.record_key = h.record_key"
                            + " where h.household_key in (select household_key from household_record"
                            + " group by household_key having count(*) <= " + MAX_HOUSEHOLD + ")"
                            + " order by h.household_key",
                    rs -> {
                        String key = rs.getString(1);
                        String person = rs.getString(2);
                        if (key.equals(household[0])) {
                            families.join(household[1], person);
                        } else {
                            household[0] = key;
                            household[1] = person;
                            families.add(person);
                        }
                    });
            query(
                    c,
                    "select a.person_id::text, b.person_id::text from person_relationship x"
                            + " join person_record a on a.record_key = x.from_record_key"
                            + " join person_record b on b.record_key = x.to_record_key",
                    rs -> families.join(rs.getString(1), rs.getString(2)));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the families from the person index", e);
        }
        return families;
    }

    /** Each person's facts, by person id. */
    public Map<String, PersonFacts> facts() {
        Map<String, PersonFacts> out = new HashMap<>();
        Map<String, String[]> strength = new HashMap<>();
        try (Connection c = readOnly()) {
            query(
                    c,
                    "select r.person_id::text, l.method, l.match_weight from person_record r"
                            + " left join person_link l on l.record_key = r.record_key",
                    rs -> {
                        String person = rs.getString(1);
                        String method = rs.getString(2);
                        double weight = rs.getDouble(3);
                        Double w = rs.wasNull() ? null : weight;
                        String[] s = strength.computeIfAbsent(person, p -> new String[] {"single-record", null, "0"});
                        s[2] = Integer.toString(Integer.parseInt(s[2]) + 1);
                        String kind = kind(method);
                        if (rank(kind) > rank(s[0])) {
                            s[0] = kind;
                        }
                        if ("probabilistic".equals(kind) && w != null) {
                            if (s[1] == null || w < Double.parseDouble(s[1])) {
                                s[1] = Double.toString(w);
                            }
                        }
                    });
            Map<String, Object[]> demographics = new HashMap<>();
            query(
                    c,
                    "select person_id::text, demographics->>'dateOfBirth', demographics->>'sex',"
                            + " demographics->>'postcode' from person_record order by person_id, received_at desc",
                    rs -> {
                        Object[] d = demographics.computeIfAbsent(rs.getString(1), p -> new Object[3]);
                        for (int i = 0; i < 3; i++) {
                            if (d[i] == null) {
                                d[i] = rs.getString(i + 2);
                            }
                        }
                    });
            c.commit();
            demographics.forEach((person, d) -> {
                String[] s = strength.getOrDefault(person, new String[] {"single-record", null, "1"});
                out.put(
                        person,
                        new PersonFacts(
                                person,
                                parseDate((String) d[0]),
                                (String) d[1],
                                (String) d[2],
                                Integer.parseInt(s[2]),
                                Integer.parseInt(s[2]) <= 1 ? "single-record" : s[0],
                                s[1] == null ? null : Double.parseDouble(s[1])));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person index", e);
        }
        return out;
    }

    /**
     * Streams each person's observations of the given record types, one person at a time (ordered by person id),
     * with {@code progress} told of every record read.
     */
    public void forEachPerson(Set<String> types, Consumer<PersonObservations> each, LongConsumer progress) {
        stream(types, null, each, progress);
    }

    /** The observations of the given record types of these people only, one person at a time, in id order. */
    public void forPeople(java.util.Collection<String> people, Set<String> types, Consumer<PersonObservations> each) {
        stream(types, people, each, read -> {});
    }

    private void stream(
            Set<String> types,
            java.util.Collection<String> only,
            Consumer<PersonObservations> each,
            LongConsumer progress) {
        try (Connection c = readOnly();
                PreparedStatement s = c.prepareStatement("select pr.person_id::text, p.person_ref, r.body"
                        + " from hub_record r join hub_record_person p on p.record_id = r.record_id"
                        + " join person_record pr on pr.record_key = p.record_key"
                        + " where r.type = any(?)" + (only == null ? "" : " and pr.person_id = any(?)")
                        + " order by pr.person_id, r.received_at, r.record_id")) {
            s.setArray(1, c.createArrayOf("text", types.toArray()));
            if (only != null) {
                s.setArray(2, c.createArrayOf("uuid", uuids(only)));
            }
            s.setFetchSize(FETCH);
            String current = null;
            List<Observation> observations = new ArrayList<>();
            long read = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String person = rs.getString(1);
                    if (!person.equals(current)) {
                        if (current != null) {
                            each.accept(new PersonObservations(current, observations));
                        }
                        current = person;
                        observations = new ArrayList<>();
                    }
                    Observation o = observation(person, rs.getString(2), rs.getBytes(3));
                    if (o != null) {
                        observations.add(o);
                    }
                    progress.accept(++read);
                }
            }
            if (current != null) {
                each.accept(new PersonObservations(current, observations));
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stored records", e);
        }
    }

    /**
     * How the hub joined one record to one person: the person index's method ({@code deterministic}, {@code
     * probabilistic}, {@code clerical}, or none for the record that made the person), the match weight, the record it
     * was matched to ({@code <source>/<record id>}) and who decided ({@code matcher} or the reviewer).
     */
    public record Join(
            String personId, String recordId, String method, Double weight, String matchedTo, String linkedBy) {}

    /** How each of these people's records was joined to them, by person and record. */
    public List<Join> joins(java.util.Collection<String> people) {
        List<Join> out = new ArrayList<>();
        try (Connection c = readOnly();
                PreparedStatement s = c.prepareStatement("select pr.person_id::text, p.record_id, l.method,"
                        + " l.match_weight, l.matched_record_key, l.linked_by from hub_record_person p"
                        + " join person_record pr on pr.record_key = p.record_key"
                        + " left join person_link l on l.record_key = pr.record_key"
                        + " where pr.person_id = any(?) order by pr.person_id, p.record_id")) {
            s.setArray(1, c.createArrayOf("uuid", uuids(people)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double w = rs.getDouble(4);
                    Double weight = rs.wasNull() ? null : w;
                    out.add(new Join(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            weight,
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read how the records were joined", e);
        }
        return out;
    }

    private static Object[] uuids(java.util.Collection<String> ids) {
        return ids.stream().map(java.util.UUID::fromString).toArray();
    }

    /** One person's observations. */
    public record PersonObservations(String personId, List<Observation> observations) {}

    /** The record as seen from the person with this ref; null when it cannot be read or is withheld whole. */
    public Observation observation(String personId, String ref, byte[] body) {
        HubRecord record;
        try {
            record = codec.decodeRecord(body);
        } catch (RuntimeException e) {
            return null; // a record the hub cannot read counts for nothing; the dead letters say why
        }
        Person subject = record.getPeople().stream()
                .filter(p -> p.getRef().equals(ref))
                .findFirst()
                .orElse(null);
        if (subject == null || catalogue.payloadType(record.getType()) == null) {
            return null;
        }
        Withheld withheld = Withheld.of(record, catalogue.fieldsFor(record.getType()));
        if (withheld.whole()) {
            return null;
        }
        Map<String, Object> values =
                new LinkedHashMap<>(RecordView.of(record, subject, catalogue).values());
        values.keySet().removeAll(withheld.fields());
        return new Observation(
                personId,
                ref,
                FieldCatalogue.kebab(subject.getRole().name()),
                record.getRecordId(),
                record.getProvider(),
                record.getType(),
                record.getReceivedAt(),
                values);
    }

    private Connection readOnly() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setReadOnly(true);
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        return c;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static String kind(String method) {
        if (method == null || method.equals("NEW_PERSON")) {
            return "single-record";
        }
        if (method.equals("PROBABILISTIC")) {
            return "probabilistic";
        }
        if (method.equals("CLERICAL")) {
            return "clerical";
        }
        return "deterministic";
    }

    /** Weaker joins rank higher: the person's strength is the weakest of their links. */
    private static int rank(String kind) {
        return switch (kind) {
            case "single-record" -> 0;
            case "deterministic" -> 1;
            case "clerical" -> 2;
            default -> 3;
        };
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

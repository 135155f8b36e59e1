package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Builds a {@link Family} from the person index on each request, so a merge or a split shows in every family view at
 * once. An address shared by more than {@value #MAX_HOUSEHOLD} records (a hostel, or a block of flats recorded without
 * flat numbers) is not treated as a household.
 */
public final class FamilyGraph {

    static final int MAX_HOUSEHOLD = 12;
    static final int MAX_MEMBERS = 40;
    static final int STEPS = 2;

    private final DataSource dataSource;

    public FamilyGraph(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Family family(UUID personId) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Map<UUID, Set<String>> connections = new LinkedHashMap<>();
            Map<UUID, List<String>> records = new LinkedHashMap<>();
            connections.put(personId, new TreeSet<>(Set.of("self")));
            Set<UUID> frontier = Set.of(personId);
            for (int step = 0; step < STEPS && !frontier.isEmpty(); step++) {
                Set<UUID> next = new LinkedHashSet<>();
                for (UUID person : frontier) {
                    List<String> keys = records.computeIfAbsent(person, p -> recordKeys(c, p));
                    if (keys.isEmpty()) {
                        continue;
                    }
                    for (Map.Entry<UUID, String> found : neighbours(c, keys).entrySet()) {
                        UUID other = found.getKey();
                        if (other.equals(person) || other.equals(personId)) {
                            continue;
                        }
                        if (connections.size() >= MAX_MEMBERS && !connections.containsKey(other)) {
                            continue;
                        }
                        if (connections
                                        .computeIfAbsent(other, o -> new TreeSet<>())
                                        .add(found.getValue())
                                && !records.containsKey(other)) {
                            next.add(other);
                        }
                    }
                }
                frontier = next;
            }
            List<Family.Member> members = new ArrayList<>();
            for (Map.Entry<UUID, Set<String>> entry : connections.entrySet()) {
                List<String> keys = records.computeIfAbsent(entry.getKey(), p -> recordKeys(c, p));
                if (!keys.isEmpty()) {
                    members.add(new Family.Member(entry.getKey(), entry.getValue(), keys));
                }
            }
            return new Family(personId, members);
        } catch (SQLException e) {
            throw new IndexException("could not build a family", e);
        }
    }

    private static List<String> recordKeys(Connection c, UUID person) {
        try (PreparedStatement s =
                c.prepareStatement("select record_key from person_record where person_id = ? order by record_key")) {
            s.setObject(1, person);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
    }

    /** The other people one step away from these records, each with how they are connected. */
    private static Map<UUID, String> neighbours(Connection c, List<String> keys) {
        Map<UUID, String> found = new LinkedHashMap<>();
        try {
            java.sql.Array array = c.createArrayOf("text", keys.toArray());
            try (PreparedStatement s = c.prepareStatement("select distinct r.person_id"
                    + " from household_record h1"
                    + " join household_record h2 on h2.household_key = h1.household_key"
                    + " join person_record r on r.record_key = h2.record_key"
                    + " where h1.record_key = any(?)"
                    + " and (select count(*) from household_record h3 where h3.household_key = h1.household_key) <= "
                    + MAX_HOUSEHOLD)) {
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.putIfAbsent(rs.getObject(1, UUID.class), "household");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select r.person_id, x.kind from ("
                    + " select to_record_key as other, kind from person_relationship"
                    + "   where from_record_key = any(?)"
                    + " union select from_record_key, kind from person_relationship"
                    + "   where to_record_key = any(?)) x"
                    + " join person_record r on r.record_key = x.other")) {
                s.setArray(1, array);
                s.setArray(2, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(2);
                        found.put(rs.getObject(1, UUID.class), "relationship " + kind);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IndexException("could not read households and relationships", e);
        }
        return found;
    }
}

package org.earlyhelp.hub.matching.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where a person came from, for whatever is attached to people rather than records (consent): the person and every
 * person merged into them, transitively, each with the latest split of any person on its way here. Whoever attaches
 * a fact to a person id follows merges with this and treats a later split as the end of the fact.
 */
public final class MergeLineage {

    private static final String SQL = "with recursive chain (person_id, last_split, depth) as ("
            + " select p.person_id, (select max(e.at) from person_event e where e.kind = 'SPLIT'"
            + " and e.person_id = p.person_id), 0 from person p where p.person_id = ?"
            + " union all"
            + " select m.person_id, greatest(c.last_split, (select max(e.at) from person_event e"
            + " where e.kind = 'SPLIT' and e.person_id = m.person_id)), c.depth + 1"
            + " from person m join chain c on m.merged_into = c.person_id where c.depth < 100)"
            + " select person_id, last_split from chain";

    private final DataSource dataSource;

    public MergeLineage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The person themself first (absent from the index: only themself, never split). */
    public Map<UUID, Optional<Instant>> of(UUID personId) {
        Map<UUID, Optional<Instant>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SQL)) {
            s.setObject(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp split = rs.getTimestamp(2);
                    out.put(
                            rs.getObject(1, UUID.class),
                            Optional.ofNullable(split).map(Timestamp::toInstant));
                }
            }
        } catch (SQLException e) {
            throw new IndexException("could not read the person index", e);
        }
        out.putIfAbsent(personId, Optional.empty());
        return out;
    }
}

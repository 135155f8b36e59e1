package org.earlyhelp.hub.app.corrections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The disclosures that rested on a match later split: for each SPLIT of the person index, the permitted disclosures of
 * the records that moved, decided before the split (while those records were joined to the other person). Pulled
 * ones (into a family view) put one person's records before someone asking about the other; pushed ones may have been
 * addressed through the joined person's relationships. The board reviews each. Read from the shared tables: two hub
 * instances show the same.
 */
public final class SplitDisclosures {

    /** One disclosure that rested on a split match: ids, times and where it went, never a field's value. */
    public record Rested(
            long splitEvent,
            Instant splitAt,
            String splitBy,
            String decisionKey,
            String recordId,
            String recipient,
            String agreementId,
            Integer agreementVersion,
            Instant decidedAt,
            String how,
            List<String> fields) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SplitDisclosures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Rested> since(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return jdbc.query(
                "select distinct ev.event_id, ev.at, ev.actor, e.decision_key, e.record_id, e.recipient,"
                        + " e.agreement_id, e.agreement_version, e.decided_at, e.details->>'viewId' view_id,"
                        + " e.fields_released"
                        + " from person_event ev"
                        + " cross join lateral unnest(ev.record_keys) k(record_key)"
                        + " join ledger_entry e on e.record_id"
                        + "   = split_part(substr(k.record_key, strpos(k.record_key, '/') + 1), '#', 1)"
                        + " where ev.kind = 'SPLIT' and ev.at >= ? and e.entry_type = 'DISCLOSURE'"
                        + " and e.decision = 'PERMIT' and e.decided_at < ev.at"
                        + " order by ev.at desc, e.decided_at limit 2000",
                (rs, n) -> new Rested(
                        rs.getLong("event_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("decision_key"),
                        rs.getString("record_id"),
                        rs.getString("recipient"),
                        rs.getString("agreement_id"),
                        (Integer) rs.getObject("agreement_version"),
                        rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("view_id") == null ? "pushed" : "pulled into a family view",
                        rs.getArray("fields_released") == null
                                ? List.of()
                                : List.of((String[])
                                        rs.getArray("fields_released").getArray())),
                Timestamp.from(since));
    }
}

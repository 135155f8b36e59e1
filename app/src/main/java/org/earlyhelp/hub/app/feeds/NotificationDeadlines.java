package org.earlyhelp.hub.app.feeds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.deadline.DeadlineCalendar;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each notification under an agreement whose deadline is {@code before-next-school-day} (Operation Encompass), due at
 * the start of the next school day after it was decided (the school calendar, kept as data), shown on time, at risk or
 * late, so a late notification is seen the same morning. Read from the ledger, the deliveries, the review queue and
 * the replays, which every hub instance shares: two instances show the same.
 */
public final class NotificationDeadlines {

    /** The deadline code an agreement's {@code deliver} names for Operation Encompass. */
    public static final String NEXT_SCHOOL_DAY = "before-next-school-day";

    /** Where a notification stands against its deadline. */
    public enum Status {
        ON_TIME("on time"),
        IN_FLIGHT("on its way"),
        AT_RISK("at risk"),
        LATE("late"),
        REFUSED("refused at review");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One notification: ids and times only, never a field's value. */
    public record Notification(
            String recordId,
            String agreementId,
            Instant decidedAt,
            Instant due,
            Instant deliveredAt,
            Status status,
            String why) {}

    /** The notifications of the period, and how many stand in each status. */
    public record Report(
            Instant since, Map<Status, Long> counts, List<Notification> needingAttention, boolean calendarCovers) {}

    private static final Duration IN_FLIGHT = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final PolicyDecisionPoint pdp;
    private final DeadlineCalendar calendar;
    private final Clock clock;

    public NotificationDeadlines(JdbcTemplate jdbc, PolicyDecisionPoint pdp, DeadlineCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.pdp = pdp;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The notifications decided in the last {@code days} days. */
    public Report report(int days) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(days));
        List<String> agreements = pdp.agreements().stream()
                .filter(a -> a.deliver() != null
                        && NEXT_SCHOOL_DAY.equals(a.deliver().deadline()))
                .map(Agreement::id)
                .distinct()
                .toList();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        List<Notification> attention = new ArrayList<>();
        if (!agreements.isEmpty()) {
            List<Notification> all = jdbc.query(
                    "select e.record_id, e.agreement_id, e.decision, e.decided_at, d.status d_status,"
                            + " d.completed_at d_at, r.status r_status, rd.status rd_status, rd.completed_at rd_at,"
                            + " pd.status pd_status, pd.completed_at pd_at"
                            + " from ledger_entry e"
                            + " left join delivery d on d.decision_key = e.decision_key"
                            + " left join disclosure_review r on r.decision_key = e.decision_key"
                            + " left join delivery rd on rd.decision_key = r.closing_key"
                            + " left join ledger_entry p on p.details->>'replayOf' = e.decision_key"
                            + " left join delivery pd on pd.decision_key = p.decision_key"
                            + " where e.entry_type = 'DISCLOSURE' and e.decision in ('PERMIT', 'REVIEW')"
                            + " and e.agreement_id = any(?) and e.decided_at >= ?"
                            + " and e.details->>'review' is null and e.details->>'replayOf' is null"
                            + " order by e.decided_at desc limit 5000",
                    (rs, n) -> {
                        Instant decided = rs.getTimestamp("decided_at").toInstant();
                        Instant due = calendar.dueBy(decided);
                        Instant delivered = firstDelivered(
                                rs.getString("d_status"), rs.getTimestamp("d_at"),
                                rs.getString("rd_status"), rs.getTimestamp("rd_at"),
                                rs.getString("pd_status"), rs.getTimestamp("pd_at"));
                        String why;
                        Status status;
                        if (delivered != null) {
                            status = delivered.isAfter(due) ? Status.LATE : Status.ON_TIME;
                            why = "delivered";
                        } else if ("REFUSED".equals(rs.getString("r_status"))) {
                            status = Status.REFUSED;
                            why = "refused at review";
                        } else {
                            why = "REVIEW".equals(rs.getString("decision"))
                                    ? "held for review"
                                    : "DEAD_LETTERED".equals(rs.getString("d_status"))
                                            ? "dead-lettered: the school's system refused it"
                                            : "not yet delivered";
                            if (now.isAfter(due)) {
                                status = Status.LATE;
                            } else if (why.equals("not yet delivered") && decided.isAfter(now.minus(IN_FLIGHT))) {
                                status = Status.IN_FLIGHT;
                            } else {
                                status = Status.AT_RISK;
                            }
                        }
                        return new Notification(
                                rs.getString("record_id"),
                                rs.getString("agreement_id"),
                                decided,
                                due,
                                delivered,
                                status,
                                why);
                    },
                    jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", agreements.toArray())),
                    Timestamp.from(since));
            for (Notification n : all) {
                counts.merge(n.status(), 1L, Long::sum);
                if ((n.status() == Status.AT_RISK || n.status() == Status.LATE) && attention.size() < 200) {
                    attention.add(n);
                }
            }
        }
        boolean covers =
                calendar.covers(now.atZone(calendar.zone()).toLocalDate().plusDays(14));
        return new Report(since, counts, attention, covers);
    }

    private static Instant firstDelivered(Object... statusAndTime) {
        Instant first = null;
        for (int i = 0; i < statusAndTime.length; i += 2) {
            if ("DELIVERED".equals(statusAndTime[i]) && statusAndTime[i + 1] instanceof Timestamp t) {
                Instant at = t.toInstant();
                first = first == null || at.isBefore(first) ? at : first;
            }
        }
        return first;
    }
}

package org.earlyhelp.hub.connector.schools.encompass;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.hub.governance.deadline.DeadlineCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notifications delivered that a designated safeguarding lead must acknowledge (those whose agreement sets a
 * delivery deadline), in PostgreSQL so every hub instance shares them. Ids, URNs and times only: nothing of the
 * notification's content. An escalation is claimed by one conditional update ({@code where escalated_at is null}),
 * so with two instances checking at once exactly one escalates each notification.
 */
public class NotificationLog {

    private final JdbcTemplate jdbc;
    private final DeadlineCalendar calendar;

    /** @param calendar the school calendar a notification's acknowledgement is due in (the start of the next school day) */
    public NotificationLog(JdbcTemplate jdbc, DeadlineCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /** A delivered notification awaiting (or past) acknowledgement. */
    public record Notification(
            String deliveryId,
            String recipient,
            String address,
            String recordId,
            long ledgerSeq,
            String agreementId,
            String purpose,
            Instant deliveredAt,
            Instant dueAt,
            Instant acknowledgedAt,
            Instant escalatedAt,
            Long escalationSeq) {}

    /** Notes a delivery (a replayed one keeps its first row). */
    public void delivered(
            String deliveryId,
            String recipient,
            String address,
            String recordId,
            long ledgerSeq,
            String agreementId,
            String purpose,
            Instant deliveredAt) {
        jdbc.update(
                "insert into school_notification (delivery_id, recipient, address, record_id, ledger_seq,"
                        + " agreement_id, purpose, delivered_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (delivery_id) do nothing",
                deliveryId,
                recipient,
                address,
                recordId,
                ledgerSeq,
                agreementId,
                purpose,
                Timestamp.from(deliveredAt),
                Timestamp.from(calendar.dueBy(deliveredAt)));
    }

    /**
     * Records the acknowledgement of a notification delivered to {@code address}; the first acknowledgement stands.
     *
     * @return the notification, or empty when none with this id was delivered to this address
     */
    public Optional<Notification> acknowledge(String deliveryId, String address, String by, Instant at) {
        jdbc.update(
                "update school_notification set acknowledged_at = ?, acknowledged_by = ?"
                        + " where delivery_id = ? and address = ? and acknowledged_at is null",
                Timestamp.from(at),
                by,
                deliveryId,
                address);
        return find("delivery_id = ? and address = ?", deliveryId, address).stream()
                .findFirst();
    }

    /** Notifications past due, unacknowledged and not yet escalated, oldest first. */
    public List<Notification> overdue(Instant now, int limit) {
        return find(
                "acknowledged_at is null and escalated_at is null and due_at <= ? order by due_at limit " + limit,
                Timestamp.from(now));
    }

    /** Claims the escalation of one notification: true for exactly one caller, on any instance. */
    public boolean claimEscalation(String deliveryId, Instant at) {
        return jdbc.update(
                        "update school_notification set escalated_at = ? where delivery_id = ?"
                                + " and escalated_at is null and acknowledged_at is null",
                        Timestamp.from(at),
                        deliveryId)
                == 1;
    }

    /** Notes the ledger entry of a claimed escalation. */
    public void escalationRecorded(String deliveryId, long ledgerSeq) {
        jdbc.update(
                "update school_notification set escalation_seq = ? where delivery_id = ? and escalation_seq is null",
                ledgerSeq,
                deliveryId);
    }

    /**
     * Escalations claimed at least {@code before} ago whose ledger entry was never noted (their instance died between
     * the claim and the ledger): the next check writes the entry (the same one, by its key) and notes it.
     */
    public List<Notification> unrecorded(Instant before, int limit) {
        return find(
                "escalated_at is not null and escalation_seq is null and escalated_at <= ? order by escalated_at"
                        + " limit " + limit,
                Timestamp.from(before));
    }

    /** Escalated notifications since {@code since}, newest first (at most 1,000). */
    public List<Notification> escalated(Instant since) {
        return find(
                "escalated_at is not null and escalated_at >= ? order by escalated_at desc limit 1000",
                Timestamp.from(since));
    }

    private List<Notification> find(String where, Object... args) {
        return jdbc.query(
                "select delivery_id, recipient, address, record_id, ledger_seq, agreement_id, purpose, delivered_at,"
                        + " due_at, acknowledged_at, escalated_at, escalation_seq from school_notification where "
                        + where,
                (rs, i) -> new Notification(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(),
                        instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)),
                        (Long) rs.getObject(12)),
                args);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

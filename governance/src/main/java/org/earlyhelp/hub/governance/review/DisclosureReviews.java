package org.earlyhelp.hub.governance.review;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The disclosure review queue (distinct from the matcher's clerical review): every REVIEW decision of a notification,
 * parked with its cause until a person releases or refuses it. Parking is idempotent on the decision key, so a batch
 * governed again parks nothing twice. {@link #close} holds the item's row lock while the release or refusal is
 * decided, ledgered and (for a release) sent, so two people, or two hub instances, can never close one item twice.
 */
public final class DisclosureReviews {

    private static final String COLUMNS = "decision_key, ledger_seq, record_id, subject_ref, subject_key, provider,"
            + " recipient_partner, agreement_id, agreement_version, cause, reasons, parked_at, status, closed_by,"
            + " closed_at, closed_reason, closing_key";

    private final DataSource dataSource;
    private final Clock clock;

    public DisclosureReviews(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Parks each REVIEW decision, at the ledger sequence it was written under; one already parked is left alone. */
    public void park(Map<ReviewItem.Parked, Long> parked) {
        if (parked.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into disclosure_review (decision_key, ledger_seq,"
                        + " record_id, subject_ref, subject_key, provider, recipient_partner, agreement_id,"
                        + " agreement_version, cause, reasons, parked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (decision_key) do nothing")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<ReviewItem.Parked, Long> e : parked.entrySet()) {
                ReviewItem.Parked p = e.getKey();
                s.setString(1, p.decisionKey());
                s.setLong(2, e.getValue());
                s.setString(3, p.recordId());
                s.setString(4, p.subjectRef());
                s.setString(5, p.subjectKey());
                s.setString(6, p.provider());
                s.setString(7, p.recipientPartner());
                s.setString(8, p.agreementId());
                s.setObject(9, p.agreementVersion());
                s.setString(10, p.cause().name());
                s.setArray(11, c.createArrayOf("text", p.reasons().toArray()));
                s.setTimestamp(12, now);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not park decisions for review", ex);
        }
    }

    /** The items in a status (open first by age), at most {@code limit}. */
    public List<ReviewItem> list(ReviewItem.Status status, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + " from disclosure_review where status = ? order by parked_at, decision_key limit ?")) {
            s.setString(1, status.name());
            s.setInt(2, limit);
            return read(s);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the review queue", ex);
        }
    }

    /** Every item about a record, whatever its status. */
    public List<ReviewItem> ofRecord(String recordId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select " + COLUMNS + " from disclosure_review where record_id = ? order by parked_at")) {
            s.setString(1, recordId);
            return read(s);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the review queue", ex);
        }
    }

    public Optional<ReviewItem> find(String decisionKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select " + COLUMNS + " from disclosure_review where decision_key = ?")) {
            s.setString(1, decisionKey);
            return read(s).stream().findFirst();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the review queue", ex);
        }
    }

    /** How many items are open: the board's count. */
    public long openCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from disclosure_review where status = 'OPEN'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not count the review queue", ex);
        }
    }

    /**
     * Closes an open item: locks its row, hands it to {@code decide} (which ledgers, and for a release sends, before it
     * returns), and records how it was closed, all while the lock is held. Whatever {@code decide} throws leaves the
     * item open.
     *
     * @throws ReviewClosed when there is no such item, or it is already closed
     */
    public ReviewItem close(String decisionKey, Function<ReviewItem, ReviewItem.Closing> decide) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ReviewItem item;
                try (PreparedStatement s = c.prepareStatement(
                        "select " + COLUMNS + " from disclosure_review where decision_key = ? for update")) {
                    s.setString(1, decisionKey);
                    item = read(s).stream().findFirst().orElseThrow(ReviewClosed::missing);
                }
                if (item.status() != ReviewItem.Status.OPEN) {
                    throw ReviewClosed.closed(item);
                }
                ReviewItem.Closing closing = decide.apply(item);
                Instant at = clock.instant();
                try (PreparedStatement s = c.prepareStatement("update disclosure_review set status = ?, closed_by = ?,"
                        + " closed_at = ?, closed_reason = ?, closing_key = ? where decision_key = ?")) {
                    s.setString(1, closing.status().name());
                    s.setString(2, closing.by());
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setString(4, closing.reason());
                    s.setString(5, closing.closingKey());
                    s.setString(6, decisionKey);
                    s.executeUpdate();
                }
                c.commit();
                return new ReviewItem(
                        item.decisionKey(),
                        item.ledgerSeq(),
                        item.recordId(),
                        item.subjectRef(),
                        item.subjectKey(),
                        item.provider(),
                        item.recipientPartner(),
                        item.agreementId(),
                        item.agreementVersion(),
                        item.cause(),
                        item.reasons(),
                        item.parkedAt(),
                        closing.status(),
                        closing.by(),
                        at,
                        closing.reason(),
                        closing.closingKey());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not close the review item", ex);
        }
    }

    private static List<ReviewItem> read(PreparedStatement s) throws SQLException {
        List<ReviewItem> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array reasons = rs.getArray("reasons");
                Timestamp closedAt = rs.getTimestamp("closed_at");
                Object version = rs.getObject("agreement_version");
                out.add(new ReviewItem(
                        rs.getString("decision_key"),
                        rs.getLong("ledger_seq"),
                        rs.getString("record_id"),
                        rs.getString("subject_ref"),
                        rs.getString("subject_key"),
                        rs.getString("provider"),
                        rs.getString("recipient_partner"),
                        rs.getString("agreement_id"),
                        version == null ? null : ((Number) version).intValue(),
                        ReviewCause.valueOf(rs.getString("cause")),
                        Arrays.asList((String[]) reasons.getArray()),
                        rs.getTimestamp("parked_at").toInstant(),
                        ReviewItem.Status.valueOf(rs.getString("status")),
                        rs.getString("closed_by"),
                        closedAt == null ? null : closedAt.toInstant(),
                        rs.getString("closed_reason"),
                        rs.getString("closing_key")));
            }
        }
        return out;
    }
}

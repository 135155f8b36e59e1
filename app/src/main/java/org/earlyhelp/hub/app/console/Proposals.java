package org.earlyhelp.hub.app.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Proposed agreement files and the parties' approvals of them, in PostgreSQL (shared by every hub instance). An approval
 * is of the exact text (its digest): editing a proposal leaves the approvals of the earlier text behind.
 */
public final class Proposals {

    private final DataSource dataSource;
    private final Clock clock;

    public Proposals(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record Proposal(
            UUID id,
            String fileName,
            String agreementId,
            String yaml,
            String digest,
            String status,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt) {}

    public record Approval(String party, String username, String displayName, String digest, Instant at) {}

    public static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Proposal create(String fileName, String agreementId, String yaml, String by) {
        UUID id = UUID.randomUUID();
        update(
                "insert into agreement_proposal (proposal_id, file_name, agreement_id, yaml, digest, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)",
                id,
                fileName,
                agreementId,
                yaml,
                digest(yaml),
                by,
                Timestamp.from(clock.instant()));
        return find(id).orElseThrow();
    }

    public void edit(UUID id, String yaml) {
        update(
                "update agreement_proposal set yaml = ?, digest = ? where proposal_id = ? and status = 'OPEN'",
                yaml,
                digest(yaml),
                id);
    }

    public void approve(UUID id, ConsoleUser user, String digest) {
        update(
                "insert into agreement_proposal_approval (proposal_id, party, username, display_name, digest,"
                        + " approved_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                id,
                user.party(),
                user.username(),
                user.displayName(),
                digest,
                Timestamp.from(clock.instant()));
    }

    /** Closes an open proposal; false when it was not open (another instance or person closed it first). */
    public boolean close(UUID id, String status, String by) {
        return update(
                        "update agreement_proposal set status = ?, closed_by = ?, closed_at = ? where proposal_id = ?"
                                + " and status = 'OPEN'",
                        status,
                        by,
                        Timestamp.from(clock.instant()),
                        id)
                == 1;
    }

    /** The approvals of the proposal's current text. */
    public List<Approval> approvals(Proposal p) {
        List<Approval> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select party, username, display_name, digest, approved_at"
                                + " from agreement_proposal_approval where proposal_id = ? and digest = ? order by approved_at")) {
            s.setObject(1, p.id());
            s.setString(2, p.digest());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Approval(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read approvals", e);
        }
        return out;
    }

    public Optional<Proposal> find(UUID id) {
        return query("where proposal_id = ?", id).stream().findFirst();
    }

    public List<Proposal> open() {
        return query("where status = 'OPEN' order by created_at desc limit 100", null);
    }

    public List<Proposal> recent() {
        return query("where status <> 'OPEN' order by closed_at desc limit 20", null);
    }

    private List<Proposal> query(String where, Object parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select proposal_id, file_name, agreement_id, yaml, digest,"
                        + " status, created_by, created_at, closed_by, closed_at from agreement_proposal " + where)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            List<Proposal> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp closed = rs.getTimestamp(10);
                    out.add(new Proposal(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant(),
                            rs.getString(9),
                            closed == null ? null : closed.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read proposals", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write proposals", e);
        }
    }
}

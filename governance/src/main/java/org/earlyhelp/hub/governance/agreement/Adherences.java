package org.earlyhelp.hub.governance.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;

/**
 * Who has adhered to which agreement (table {@code agreement_adherence}): the members of a party that joins by
 * adhering, such as each of the area's schools. Each adherence and withdrawal is ledgered (AGREEMENT_CHANGE, with who
 * and the version) before it is stored. Decisions read a snapshot reloaded at most every {@code refresh}, so on two
 * hub instances an adherence or withdrawal made on one takes effect on the other within that time (at once on the
 * instance that recorded it).
 */
public final class Adherences implements AdherenceCheck {

    /** One member's adherence. */
    public record Adherence(String agreementId, String organisation, int version, String by, Instant at) {}

    private final DataSource dataSource;
    private final DisclosureLedger ledger;
    private final Clock clock;
    private final Duration refresh;
    private volatile Set<String> snapshot = Set.of();
    private volatile Instant loadedAt = Instant.MIN;

    public Adherences(DataSource dataSource, DisclosureLedger ledger, Clock clock, Duration refresh) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.ledger = Objects.requireNonNull(ledger);
        this.clock = Objects.requireNonNull(clock);
        this.refresh = Objects.requireNonNull(refresh);
    }

    @Override
    public boolean adhered(String agreementId, String organisation) {
        Instant now = clock.instant();
        if (loadedAt.plus(refresh).isBefore(now)) {
            reload();
        }
        return snapshot.contains(agreementId + "\u001f" + organisation);
    }

    /** Records that {@code organisation} adheres to the agreement, as {@code by}: false when it already had. */
    public boolean adhere(Agreement agreement, String organisation, String by) {
        if (isLive(agreement.id(), organisation)) {
            return false;
        }
        ledger.append(List.of(LedgerDraft.event(
                EntryType.AGREEMENT_CHANGE,
                "adhere-" + UUID.randomUUID(),
                by,
                null,
                Map.of(
                        "agreementId",
                        agreement.id(),
                        "version",
                        String.valueOf(agreement.version()),
                        "change",
                        "adhered",
                        "organisation",
                        organisation))));
        update(
                "insert into agreement_adherence (agreement_id, organisation, version, adhered_by, adhered_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (agreement_id, organisation) do update set"
                        + " version = excluded.version, adhered_by = excluded.adhered_by,"
                        + " adhered_at = excluded.adhered_at, withdrawn_at = null, withdrawn_by = null",
                agreement.id(),
                organisation,
                agreement.version(),
                by,
                Timestamp.from(clock.instant()));
        reload();
        return true;
    }

    /** Records that {@code organisation} no longer adheres: false when it did not. */
    public boolean withdraw(Agreement agreement, String organisation, String by) {
        if (!isLive(agreement.id(), organisation)) {
            return false;
        }
        ledger.append(List.of(LedgerDraft.event(
                EntryType.AGREEMENT_CHANGE,
                "unadhere-" + UUID.randomUUID(),
                by,
                null,
                Map.of(
                        "agreementId",
                        agreement.id(),
                        "version",
                        String.valueOf(agreement.version()),
                        "change",
                        "withdrew adherence",
                        "organisation",
                        organisation))));
        update(
                "update agreement_adherence set withdrawn_at = ?, withdrawn_by = ? where agreement_id = ?"
                        + " and organisation = ? and withdrawn_at is null",
                Timestamp.from(clock.instant()),
                by,
                agreement.id(),
                organisation);
        reload();
        return true;
    }

    /** The live adherences of an agreement, oldest first. */
    public List<Adherence> of(String agreementId) {
        List<Adherence> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select agreement_id, organisation, version, adhered_by,"
                        + " adhered_at from agreement_adherence where agreement_id = ? and withdrawn_at is null"
                        + " order by adhered_at, organisation")) {
            s.setString(1, agreementId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Adherence(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read adherences", e);
        }
    }

    /** How many members have adhered to each agreement. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select agreement_id, count(*) from agreement_adherence"
                        + " where withdrawn_at is null group by agreement_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count adherences", e);
        }
    }

    private boolean isLive(String agreementId, String organisation) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from agreement_adherence where agreement_id = ?"
                        + " and organisation = ? and withdrawn_at is null")) {
            s.setString(1, agreementId);
            s.setString(2, organisation);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read adherences", e);
        }
    }

    private synchronized void reload() {
        Set<String> live = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select agreement_id, organisation from agreement_adherence where withdrawn_at is null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                live.add(rs.getString(1) + "\u001f" + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read adherences", e);
        }
        snapshot = Set.copyOf(live);
        loadedAt = clock.instant();
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the adherence", e);
        }
    }
}

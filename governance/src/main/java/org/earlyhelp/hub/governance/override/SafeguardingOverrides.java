package org.earlyhelp.hub.governance.override;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.vocabulary.LegalGateways;

/**
 * Asserts and looks up safeguarding overrides. {@link #check} is the rule, on its own so it can be tested against
 * generated cases: the agreement must declare an override, the reason must be one it lists (and one the legal
 * gateways vocabulary lets lift consent, in force), the role one it lists, and the length within its maximum. An
 * accepted override is in the ledger (an {@link EntryType#OVERRIDE} entry) before it is stored, so none can lift
 * consent unaccounted for. Stored in PostgreSQL, so every hub instance sees it at once.
 */
public final class SafeguardingOverrides {

    private static final String COLUMNS = "override_id, record_id, agreement_id, agreement_version, reason,"
            + " professional, professional_role, asserted_by, asserted_at, expires_at, uses";

    private final DataSource dataSource;
    private final DisclosureLedger ledger;
    private final Clock clock;

    public SafeguardingOverrides(DataSource dataSource, DisclosureLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a professional asks for. */
    public record Request(
            String recordId, String reason, String professional, String professionalRole, Duration length) {}

    /**
     * The rule: empty when the agreement allows this override, else why not (free of personal data).
     */
    public static Optional<String> check(Agreement agreement, Request request) {
        String ref = agreement.id() + " v" + agreement.version();
        Agreement.SafeguardingOverride declared = agreement.override();
        if (declared == null) {
            return Optional.of(ref + " declares no safeguarding override");
        }
        if (!declared.reasons().contains(request.reason())) {
            return Optional.of(ref + " does not allow an override for '" + request.reason() + "': it allows "
                    + declared.reasons());
        }
        boolean lifts = LegalGateways.shipped()
                .byCode(request.reason())
                .map(g -> g.liftsConsent() && g.inForce())
                .orElse(false);
        if (!lifts) {
            return Optional.of("'" + request.reason() + "' is not an in-force gateway that may lift consent");
        }
        if (!declared.roles().contains(request.professionalRole())) {
            return Optional.of(ref + " does not allow an override by a '" + request.professionalRole() + "': it allows "
                    + declared.roles());
        }
        if (request.length() == null
                || request.length().isNegative()
                || request.length().isZero()
                || request.length().compareTo(Duration.ofHours(declared.maxHours())) > 0) {
            return Optional.of(ref + " allows an override of at most " + declared.maxHours() + " hours");
        }
        if (request.professional() == null || request.professional().isBlank()) {
            return Optional.of("an override must name the professional who asserts it");
        }
        return Optional.empty();
    }

    /**
     * Ledgers and stores an override for one record under the agreement in force.
     *
     * @param assertedBy the asserting organisation, {@code kind:id}
     * @throws OverrideRefused when {@link #check} refuses it
     */
    public SafeguardingOverride assertOverride(Agreement agreement, Request request, String assertedBy) {
        check(agreement, request).ifPresent(why -> {
            throw new OverrideRefused(why);
        });
        Instant now = clock.instant();
        SafeguardingOverride o = new SafeguardingOverride(
                UUID.randomUUID(),
                request.recordId(),
                agreement.id(),
                agreement.version(),
                request.reason(),
                request.professional().strip(),
                request.professionalRole(),
                assertedBy,
                now,
                now.plus(request.length()),
                0);
        ledger.append(List.of(LedgerDraft.event(
                EntryType.OVERRIDE,
                "override:" + o.overrideId(),
                assertedBy,
                null,
                Map.of(
                        "override", o.overrideId().toString(),
                        "record", o.recordId(),
                        "agreement", o.agreementId(),
                        "version", String.valueOf(o.agreementVersion()),
                        "reason", o.reason(),
                        "professional", o.professional(),
                        "professional-role", o.professionalRole(),
                        "until", o.expiresAt().toString()))));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into safeguarding_override (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            s.setObject(1, o.overrideId());
            s.setString(2, o.recordId());
            s.setString(3, o.agreementId());
            s.setInt(4, o.agreementVersion());
            s.setString(5, o.reason());
            s.setString(6, o.professional());
            s.setString(7, o.professionalRole());
            s.setString(8, o.assertedBy());
            s.setTimestamp(9, Timestamp.from(o.assertedAt()));
            s.setTimestamp(10, Timestamp.from(o.expiresAt()));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not store the override", ex);
        }
        return o;
    }

    /**
     * The override that lifts consent for this record under this agreement now, if one does: asserted under the
     * agreement as it stands (an override of an earlier version still counts only while the agreement still declares
     * its reason and role), and not ended.
     */
    public Optional<SafeguardingOverride> active(String recordId, Agreement agreement) {
        Instant now = clock.instant();
        return forRecord(recordId).stream()
                .filter(o -> o.agreementId().equals(agreement.id()))
                .filter(o -> o.activeAt(now))
                .filter(o -> agreement.override() != null
                        && agreement.override().reasons().contains(o.reason())
                        && agreement.override().roles().contains(o.professionalRole()))
                .reduce((a, b) -> b);
    }

    /** Counts one more disclosure that rested on the override. */
    public void used(UUID overrideId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("update safeguarding_override set uses = uses + 1 where override_id = ?")) {
            s.setObject(1, overrideId);
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not count the override's use", ex);
        }
    }

    public List<SafeguardingOverride> forRecord(String recordId) {
        return query(
                "select " + COLUMNS + " from safeguarding_override where record_id = ? order by asserted_at", recordId);
    }

    /** Every override asserted since then, newest first: the board's list. */
    public List<SafeguardingOverride> since(Instant since) {
        return query(
                "select " + COLUMNS
                        + " from safeguarding_override where asserted_at >= ? order by asserted_at desc limit 1000",
                Timestamp.from(since));
    }

    private List<SafeguardingOverride> query(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            List<SafeguardingOverride> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SafeguardingOverride(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getTimestamp(9).toInstant(),
                            rs.getTimestamp(10).toInstant(),
                            rs.getInt(11)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read overrides", ex);
        }
    }
}

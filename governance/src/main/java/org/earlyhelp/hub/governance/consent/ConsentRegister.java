package org.earlyhelp.hub.governance.consent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;

/**
 * Consent per person and agreement (table {@code consent_record}, V10), append-only so that when consent was given
 * and withdrawn, by whom and on what basis, can always be shown. The latest event that still belongs to the person is
 * in force: a withdrawal governs every later decision, an expired consent is none, a consent follows the person
 * through merges, and a split leaves it with neither half. A person with no event has not consented. Who may record
 * an event is decided before this (the agreement's collector, holding an open relationship).
 */
public final class ConsentRegister {

    private final DataSource dataSource;
    private final PersonLineage lineage;

    public ConsentRegister(DataSource dataSource, PersonLineage lineage) {
        this.dataSource = dataSource;
        this.lineage = lineage;
    }

    /** Stores the event; idempotent on its id, so a retried request stores it once. */
    public void record(ConsentEvent e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into consent_record (consent_id, person_id,"
                        + " anchor_record_key, scope, given, basis, reference, expires, organisation, professional,"
                        + " professional_role, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            s.setObject(1, e.consentId());
            s.setObject(2, e.personId());
            s.setString(3, e.anchorRecordKey());
            s.setArray(4, c.createArrayOf("text", e.scope().toArray()));
            s.setBoolean(5, e.given());
            s.setString(6, e.basis().name());
            s.setString(7, e.reference());
            s.setDate(8, e.expires() == null ? null : Date.valueOf(e.expires()));
            s.setString(9, e.organisation());
            s.setString(10, e.professional());
            s.setString(11, e.professionalRole());
            s.setTimestamp(12, Timestamp.from(e.recordedAt()));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not record consent", ex);
        }
    }

    /** The event in force for the person (as the index knows them now) and agreement, if any still belongs to them. */
    public Optional<ConsentEvent> inForce(UUID personId, String agreementId) {
        Map<UUID, Optional<Instant>> people = lineage.of(personId);
        ConsentEvent latest = null;
        for (ConsentEvent e : eventsFor(people.keySet().toArray(UUID[]::new), agreementId)) {
            Optional<Instant> split = people.getOrDefault(e.personId(), Optional.empty());
            if (split.isPresent() && !e.recordedAt().isAfter(split.get())) {
                continue; // recorded before a split of this person: neither half keeps it
            }
            latest = e; // oldest first, so the last that survives is the latest
        }
        return Optional.ofNullable(latest);
    }

    public boolean given(UUID personId, String agreementId, LocalDate today) {
        return inForce(personId, agreementId).map(e -> e.inForceOn(today)).orElse(false);
    }

    /** The decision point's view of one person's consents on one day. */
    public PolicyDecisionPoint.ConsentCheck checkFor(UUID personId, LocalDate today) {
        return agreement -> given(personId, agreement.id(), today);
    }

    private List<ConsentEvent> eventsFor(UUID[] people, String agreementId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select consent_id, person_id, anchor_record_key, scope,"
                        + " given, basis, reference, expires, organisation, professional, professional_role,"
                        + " recorded_at from consent_record where person_id = any(?) and ? = any(scope)"
                        + " order by recorded_at, event_seq")) {
            s.setArray(1, c.createArrayOf("uuid", people));
            s.setString(2, agreementId);
            List<ConsentEvent> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array scope = rs.getArray(4);
                    Date expires = rs.getDate(8);
                    out.add(new ConsentEvent(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            Arrays.asList((String[]) scope.getArray()),
                            rs.getBoolean(5),
                            ConsentBasis.valueOf(rs.getString(6)),
                            rs.getString(7),
                            expires == null ? null : expires.toLocalDate(),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getTimestamp(12).toInstant()));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the consent register", ex);
        }
    }
}

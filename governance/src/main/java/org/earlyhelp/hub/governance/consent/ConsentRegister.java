package org.earlyhelp.hub.governance.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;

/**
 * Consent per person and agreement, append-only so that when consent was given and withdrawn can always be shown.
 * The latest entry is in force; a person with no entry has not consented.
 */
public final class ConsentRegister {

    private final DataSource dataSource;
    private final Clock clock;

    public ConsentRegister(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records consent given ({@code given}) or withdrawn, by the partner that holds it. */
    public void record(String personKey, String agreementId, boolean given, String recordedBy) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into consent_event (person_key, agreement_id, given,"
                        + " recorded_by, recorded_at) values (?, ?, ?, ?, ?)")) {
            s.setString(1, personKey);
            s.setString(2, agreementId);
            s.setBoolean(3, given);
            s.setString(4, recordedBy);
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record consent", e);
        }
    }

    public boolean given(String personKey, String agreementId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select given from consent_event where person_key = ?"
                        + " and agreement_id = ? order by event_id desc limit 1")) {
            s.setString(1, personKey);
            s.setString(2, agreementId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the consent register", e);
        }
    }

    /** The decision point's view of one person's consents. */
    public PolicyDecisionPoint.ConsentCheck checkFor(String personKey) {
        return agreement -> given(personKey, agreement.id());
    }
}

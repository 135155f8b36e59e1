package org.earlyhelp.hub.connector.schools.ehe;

import java.time.LocalDate;
import java.util.Set;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.schools.inbound.ElectiveHomeEducationRequest;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which children the council's education service has recorded as electively home educated, in PostgreSQL (so every
 * hub instance sees the same register) and keyed by the ledger's keyed subject key (an HMAC of folded names and date
 * of birth): the register holds no name or date itself. The descriptor's addressing asks it for each permitted
 * subject. A child spelled differently by the police and the education service has two keys and is not found: the
 * disclosure then goes to the school the police named, or to review when none, as without this register.
 */
public class ElectiveHomeEducationRegister {

    private final JdbcTemplate jdbc;
    private final SubjectKey subjectKey;

    public ElectiveHomeEducationRegister(JdbcTemplate jdbc, SubjectKey subjectKey) {
        this.jdbc = jdbc;
        this.subjectKey = subjectKey;
    }

    /** Records the state the education service sent for each child of the record; the later {@code since} wins. */
    public void record(ElectiveHomeEducationRequest request, String recordId) {
        boolean active = "ACTIVE".equals(request.homeEducation().status());
        LocalDate since = request.homeEducation().since();
        for (PersonInput p : request.people()) {
            if (!"CHILD".equals(p.role())) {
                continue;
            }
            jdbc.update(
                    "insert into school_home_education (subject_key, active, since, record_id) values (?, ?, ?, ?)"
                            + " on conflict (subject_key) do update set active = excluded.active,"
                            + " since = excluded.since, record_id = excluded.record_id, updated_at = now()"
                            + " where school_home_education.since <= excluded.since",
                    subjectKey.of(p.givenName().strip(), p.familyName().strip(), p.dateOfBirth()),
                    active,
                    since,
                    recordId);
        }
    }

    /** Whether the child is home educated now, by any key version the hub still holds. */
    public boolean homeEducated(String givenName, String familyName, LocalDate dateOfBirth) {
        Set<String> keys = subjectKey.candidates(givenName, familyName, dateOfBirth);
        Integer found = jdbc.queryForObject(
                "select count(*) from school_home_education where active and subject_key = any(?)",
                Integer.class,
                (Object) keys.toArray(String[]::new));
        return found != null && found > 0;
    }
}

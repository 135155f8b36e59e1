package org.earlyhelp.hub.governance.relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.SchoolAttendance;

/**
 * Which relationships a record establishes or ends. Only a record carrying its provider organisation (set from the
 * credential) and a service payload of that organisation's own counts: a school's attendance at its own URN (a pupil
 * on roll), an open case involvement with a named lead practitioner, a health involvement with a named team, the
 * council education service's roll record. A payload without those details (identifiers and a placeholder name, say)
 * establishes nothing, and a school can never assert a pupil at another URN.
 */
public final class RelationshipRules {

    /** Case statuses that end the case system's involvement. */
    static final Set<String> CLOSING_STATUSES = Set.of("closed", "closing", "ended");

    private RelationshipRules() {}

    public static List<RelationshipAssertion> of(HubRecord record) {
        String organisation = record.getProviderOrganisation();
        if (organisation == null || !organisation.startsWith(record.getProvider() + ":")) {
            return List.of();
        }
        String orgId = organisation.substring(organisation.indexOf(':') + 1);
        List<RelationshipAssertion> out = new ArrayList<>();
        Object payload = record.getPayload();
        if (payload instanceof SchoolAttendance a) {
            RelationshipKind kind = null;
            if ("schools".equals(record.getProvider()) && orgId.equals(a.getSchoolUrn())) {
                kind = RelationshipKind.PUPIL_ON_ROLL;
            } else if (RelationshipKind.EDUCATION_SERVICE.equals(organisation)) {
                kind = RelationshipKind.ROLL_RECORD;
            }
            if (kind != null) {
                for (Person p : record.getPeople()) {
                    if (a.getPupil().contains(p.getRef())) {
                        out.add(assertion(record, organisation, kind, p, a.getSchoolUrn(), false));
                    }
                }
            }
        } else if (payload instanceof CaseInvolvement c && "casesystem".equals(record.getProvider())) {
            boolean closing = CLOSING_STATUSES.contains(c.getStatus().strip().toLowerCase(Locale.ROOT));
            if (closing || named(c.getLeadPractitioner())) {
                for (Person p : record.getPeople()) {
                    out.add(assertion(record, organisation, RelationshipKind.OPEN_INVOLVEMENT, p, null, closing));
                }
            }
        } else if (payload instanceof HealthInvolvement h && "health".equals(record.getProvider())) {
            if (named(h.getTeam())) {
                for (Person p : record.getPeople()) {
                    out.add(assertion(record, organisation, RelationshipKind.OPEN_INVOLVEMENT, p, null, false));
                }
            }
        }
        return out;
    }

    private static boolean named(String text) {
        return text != null && text.strip().length() >= 2;
    }

    private static RelationshipAssertion assertion(
            HubRecord record,
            String organisation,
            RelationshipKind kind,
            Person person,
            String detail,
            boolean closing) {
        String recordKey = record.getProvider() + "/" + record.getRecordId() + "#" + person.getRef();
        return new RelationshipAssertion(organisation, kind, recordKey, record.getRecordId(), detail, closing);
    }
}

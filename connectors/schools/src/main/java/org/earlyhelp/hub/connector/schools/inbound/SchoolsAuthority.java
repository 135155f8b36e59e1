package org.earlyhelp.hub.connector.schools.inbound;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.schools.SchoolsConnector;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * What an organisation may assert at all, answered 403 before anything is stored: a school reports only about its
 * own URN and names no other school for any person (so it can never put a pupil on another school's roll); the
 * council's education service reports roll records for any URN and is the only sender of children missing education
 * and elective home education. Any other organisation sends nothing here.
 */
final class SchoolsAuthority {

    /** Whether a school may send this kind of record, or only the education service. */
    enum Sender {
        SCHOOL_OR_EDUCATION_SERVICE,
        EDUCATION_SERVICE_ONLY
    }

    private SchoolsAuthority() {}

    /**
     * @param urnField the JSON path of the payload's school URN (null when the payload names none)
     * @param urn the payload's school URN
     * @throws RequestRejected 403 naming each field the organisation may not assert
     */
    static void check(Organisation organisation, Sender sender, String urnField, String urn, List<PersonInput> people) {
        if (isEducationService(organisation)) {
            return;
        }
        if (!organisation.isKind(SchoolsConnector.PARTNER)) {
            throw forbidden(
                    List.of(new FieldError(null, "only a school or the council's education service may post this")));
        }
        if (sender == Sender.EDUCATION_SERVICE_ONLY) {
            throw forbidden(List.of(new FieldError(null, "only the council's education service may post this")));
        }
        List<FieldError> problems = new ArrayList<>();
        if (urnField != null && !organisation.id().equals(urn)) {
            problems.add(new FieldError(urnField, "a school may report only its own URN"));
        }
        for (int i = 0; i < people.size(); i++) {
            String named = people.get(i).schoolUrn();
            if (named != null && !organisation.id().equals(named)) {
                problems.add(new FieldError("people[" + i + "].schoolUrn", "a school may name only its own URN"));
            }
        }
        if (!problems.isEmpty()) {
            throw forbidden(problems);
        }
    }

    static boolean isEducationService(Organisation organisation) {
        return SchoolsConnector.EDUCATION_SERVICE.equals(organisation.toString());
    }

    private static RequestRejected forbidden(List<FieldError> problems) {
        return new RequestRejected(403, problems);
    }
}

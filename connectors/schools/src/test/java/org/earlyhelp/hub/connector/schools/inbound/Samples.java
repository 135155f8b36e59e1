package org.earlyhelp.hub.connector.schools.inbound;

/** Realistic bodies as a school's MIS and the council's education service system send them. */
final class Samples {

    private Samples() {}

    static final String PEOPLE =
            """
            "people": [
              {"ref": "p1", "role": "CHILD", "givenName": "Amelia", "familyName": "Hartley",
               "dateOfBirth": "2015-03-14", "sex": "FEMALE", "upn": "A123456789012", "schoolUrn": "123456",
               "address": {"lines": ["12 Spital Lane"], "postcode": "S41 7AB"}},
              {"ref": "c1", "role": "PARENT", "givenName": "Claire", "familyName": "Hartley"}
            ]""";

    static final String ATTENDANCE = "{" + PEOPLE
            + """
            ,
            "attendance": {"schoolUrn": "123456", "term": "2026-autumn", "sessionsPossible": 120,
                           "sessionsAttended": 103, "suspensions": 1, "pastoralNotes": "Struggling since October."}
            }""";

    static final String SUSPENSION = "{" + PEOPLE
            + """
            ,
            "suspension": {"schoolUrn": "123456", "startDate": "2026-11-20", "sessions": 4, "reason": "PD"}
            }""";

    static final String EXCLUSION = "{" + PEOPLE
            + """
            ,
            "exclusion": {"schoolUrn": "123456", "effectiveDate": "2026-11-27", "reason": "PA"}
            }""";

    static final String MISSING = "{" + PEOPLE.replace(", \"schoolUrn\": \"123456\"", "")
            + """
            ,
            "missingEducation": {"status": "OPEN", "since": "2026-10-01", "lastSchoolUrn": "123456"}
            }""";

    static final String HOME = "{" + PEOPLE.replace(", \"schoolUrn\": \"123456\"", "")
            + """
            ,
            "homeEducation": {"status": "ACTIVE", "since": "2026-09-01", "previousSchoolUrn": "123456"}
            }""";
}

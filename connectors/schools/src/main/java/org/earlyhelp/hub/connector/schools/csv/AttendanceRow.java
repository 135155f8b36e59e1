package org.earlyhelp.hub.connector.schools.csv;

import java.time.LocalDate;

/** One pupil's attendance as a file row gives it, checked: a contact is present only with both names. */
public record AttendanceRow(
        int row,
        String schoolUrn,
        String term,
        String pupilRef,
        String upn,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String sex,
        String postcode,
        AttendanceCodes.Sessions sessions,
        Integer suspensions,
        String contactGivenName,
        String contactFamilyName) {}

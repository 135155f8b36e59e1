package org.earlyhelp.hub.connector.schools.csv;

import java.time.LocalDate;

/**
 * One pupil's attendance as a file row gives it, checked: a contact is present only with both names; {@code content}
 * is the row as read, for its dead letter should the intake refuse it.
 */
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
        String contactFamilyName,
        String content) {

    /** Without the row as read, which is for a dead letter only. */
    @Override
    public String toString() {
        return "AttendanceRow[row=" + row + "]";
    }
}

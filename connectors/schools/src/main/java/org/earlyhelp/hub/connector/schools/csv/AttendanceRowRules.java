package org.earlyhelp.hub.connector.schools.csv;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules one attendance row must keep (docs/partners/schools-attendance-csv.md): each broken rule is named in words
 * that never quote the value, so the reason can travel in a dead letter's header.
 */
final class AttendanceRowRules {

    static final int MAX_VALUE = 1000;

    private static final Pattern URN = Pattern.compile("[0-9]{6}");
    private static final Pattern TERM = Pattern.compile("[A-Za-z0-9 _/-]{1,32}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern UPN = Pattern.compile("[A-Za-z][0-9]{11}[0-9A-Za-z]");
    private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
    static final Map<String, String> SEX = Map.of(
            "F", "FEMALE", "FEMALE", "FEMALE", "M", "MALE", "MALE", "MALE", "OTHER", "OTHER", "U", "UNKNOWN", "UNKNOWN",
            "UNKNOWN");

    private final LocalDate today;

    AttendanceRowRules(LocalDate today) {
        this.today = today;
    }

    /** Why the row breaks a rule, or null when it keeps them all. */
    String check(CSVRecord record, int width, Map<String, Integer> columns) {
        if (record.size() > width) {
            return "has more values than the header has columns";
        }
        for (String value : record.values()) {
            if (value.length() > MAX_VALUE) {
                return "a value is longer than " + MAX_VALUE + " characters";
            }
            if (CONTROL.matcher(value).find()) {
                return "a value holds a control character";
            }
        }
        for (String required : AttendanceCsvReader.REQUIRED) {
            if (value(record, columns, required) == null) {
                return required + " is required";
            }
        }
        if (!URN.matcher(value(record, columns, "school_urn")).matches()) {
            return "school_urn must be a 6-digit school URN";
        }
        if (!TERM.matcher(value(record, columns, "term")).matches()) {
            return "term must be 1 to 32 letters, digits, spaces, _ / -";
        }
        if (value(record, columns, "given_name").length() > 100
                || value(record, columns, "family_name").length() > 100) {
            return "a name is longer than 100 characters";
        }
        LocalDate dob = date(value(record, columns, "date_of_birth"));
        if (dob == null) {
            return "date_of_birth must be a date YYYY-MM-DD";
        }
        if (dob.isBefore(LocalDate.of(1900, 1, 1)) || dob.isAfter(today)) {
            return "date_of_birth must lie between 1900 and today";
        }
        AttendanceCodes.Sessions sessions = AttendanceCodes.count(value(record, columns, "marks"));
        if (sessions == null) {
            return "marks may hold only DfE attendance codes";
        }
        if (sessions.possible() == 0) {
            return "marks hold no possible session";
        }
        return optionalProblem(record, columns);
    }

    private static String optionalProblem(CSVRecord record, Map<String, Integer> columns) {
        String ref = value(record, columns, "pupil_ref");
        if (ref != null && (!REF.matcher(ref).matches() || ref.equals("contact"))) {
            return "pupil_ref must be 1 to 16 letters, digits, _ or - (and not contact)";
        }
        String upn = value(record, columns, "upn");
        if (upn != null && !UPN.matcher(upn).matches()) {
            return "upn must be a 13-character UPN";
        }
        String sex = value(record, columns, "sex");
        if (sex != null && !SEX.containsKey(sex.toUpperCase(Locale.ROOT))) {
            return "sex must be F, M, OTHER or UNKNOWN";
        }
        String postcode = value(record, columns, "postcode");
        if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
            return "postcode must be a UK postcode";
        }
        String suspensions = value(record, columns, "suspensions");
        if (suspensions != null && !suspensions.matches("[0-9]{1,2}|100")) {
            return "suspensions must be a whole number from 0 to 100";
        }
        String contactGiven = value(record, columns, "contact_given_name");
        String contactFamily = value(record, columns, "contact_family_name");
        if ((contactGiven == null) != (contactFamily == null)) {
            return "contact_given_name and contact_family_name are given together";
        }
        if (contactGiven != null && (contactGiven.length() > 100 || contactFamily.length() > 100)) {
            return "a name is longer than 100 characters";
        }
        return null;
    }

    /** The trimmed value of a column, or null when the column is absent or the value blank. */
    static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}

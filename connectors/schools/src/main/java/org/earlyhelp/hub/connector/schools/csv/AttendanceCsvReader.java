package org.earlyhelp.hub.connector.schools.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an attendance file (docs/partners/schools-attendance-csv.md): a header naming the columns in any order and
 * case, with stray spaces (and spaces or hyphens for underscores), then one row per pupil. Never throws for what a file
 * holds: each row is either read or a {@link Problem} naming the row and the rule it breaks, never a value; a file
 * that cannot be read at all (not UTF-8, no header, a required column missing) is one problem for the whole file. A
 * quote left open stops the reading there: the rows after it are one problem, the rows before it are read.
 */
public final class AttendanceCsvReader {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    static final int MAX_VALUE = 1000;

    static final List<String> REQUIRED =
            List.of("school_urn", "term", "given_name", "family_name", "date_of_birth", "marks");
    static final List<String> OPTIONAL =
            List.of("pupil_ref", "upn", "sex", "postcode", "suspensions", "contact_given_name", "contact_family_name");

    private static final Pattern URN = Pattern.compile("[0-9]{6}");
    private static final Pattern TERM = Pattern.compile("[A-Za-z0-9 _/-]{1,32}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern UPN = Pattern.compile("[A-Za-z][0-9]{11}[0-9A-Za-z]");
    private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
    private static final Map<String, String> SEX = Map.of(
            "F", "FEMALE", "FEMALE", "FEMALE", "M", "MALE", "MALE", "MALE", "OTHER", "OTHER", "U", "UNKNOWN", "UNKNOWN",
            "UNKNOWN");

    /** A row (0 for the whole file) that could not be read, why, and the row as read (for the dead letter only). */
    public record Problem(int row, String reason, String content) {}

    /** What a file gave: the rows read, and the problems. */
    public record Result(List<AttendanceRow> rows, List<Problem> problems) {}

    private final LocalDate today;

    /** @param today the date of births must not pass */
    public AttendanceCsvReader(LocalDate today) {
        this.today = today;
    }

    public Result read(byte[] bytes) {
        List<AttendanceRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            return fileProblem("the file is larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return fileProblem("the file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return fileProblem("the file has no header row");
            }
            Map<String, Integer> columns = new HashMap<>();
            CSVRecord header = records.next();
            for (int i = 0; i < header.size(); i++) {
                String name = column(header.get(i));
                if (!name.isEmpty() && columns.put(name, i) != null) {
                    return fileProblem("the header names a column twice");
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    return fileProblem("the header lacks the column " + required);
                }
            }
            int row = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(
                            row + 1, "row " + (row + 1) + " onwards: malformed CSV (a quote left open)", ""));
                    break;
                }
                row++;
                if (row > MAX_ROWS) {
                    problems.add(new Problem(row, "row " + row + " onwards: more than " + MAX_ROWS + " rows", ""));
                    break;
                }
                String content = format.format(record.values());
                String problem = check(record, header.size(), columns);
                if (problem != null) {
                    problems.add(new Problem(row, "row " + row + ": " + problem, content));
                    continue;
                }
                rows.add(row(row, record, columns, content));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return fileProblem("the file is not CSV");
        }
        return new Result(rows, problems);
    }

    /** {@code " School URN "} and {@code "school-urn"} both name {@code school_urn}. */
    static String column(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private String check(CSVRecord record, int width, Map<String, Integer> columns) {
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
        for (String required : REQUIRED) {
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

    private static AttendanceRow row(int row, CSVRecord record, Map<String, Integer> columns, String content) {
        String sex = value(record, columns, "sex");
        String suspensions = value(record, columns, "suspensions");
        String postcode = value(record, columns, "postcode");
        String upn = value(record, columns, "upn");
        String ref = value(record, columns, "pupil_ref");
        return new AttendanceRow(
                row,
                value(record, columns, "school_urn"),
                value(record, columns, "term"),
                ref == null ? "pupil" : ref,
                upn == null ? null : upn.toUpperCase(Locale.ROOT),
                value(record, columns, "given_name"),
                value(record, columns, "family_name"),
                date(value(record, columns, "date_of_birth")),
                sex == null ? null : SEX.get(sex.toUpperCase(Locale.ROOT)),
                postcode == null ? null : postcode.toUpperCase(Locale.ROOT),
                AttendanceCodes.count(value(record, columns, "marks")),
                suspensions == null ? null : Integer.valueOf(suspensions),
                value(record, columns, "contact_given_name"),
                value(record, columns, "contact_family_name"),
                content);
    }

    /** The trimmed value of a column, or null when the column is absent or the value blank. */
    private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Result fileProblem(String reason) {
        return new Result(List.of(), List.of(new Problem(0, reason, "")));
    }
}

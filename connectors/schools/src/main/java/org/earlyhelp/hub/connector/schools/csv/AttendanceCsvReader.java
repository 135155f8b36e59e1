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

    static final List<String> REQUIRED =
            List.of("school_urn", "term", "given_name", "family_name", "date_of_birth", "marks");
    static final List<String> OPTIONAL =
            List.of("pupil_ref", "upn", "sex", "postcode", "suspensions", "contact_given_name", "contact_family_name");

    /** A row (0 for the whole file) that could not be read, why, and the row as read (for the dead letter only). */
    public record Problem(int row, String reason, String content) {}

    /** What a file gave: the rows read, and the problems. */
    public record Result(List<AttendanceRow> rows, List<Problem> problems) {}

    private final AttendanceRowRules rules;

    /** @param today the date of births must not pass */
    public AttendanceCsvReader(LocalDate today) {
        this.rules = new AttendanceRowRules(today);
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
                String problem = rules.check(record, header.size(), columns);
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

    private static AttendanceRow row(int row, CSVRecord record, Map<String, Integer> columns, String content) {
        String sex = AttendanceRowRules.value(record, columns, "sex");
        String suspensions = AttendanceRowRules.value(record, columns, "suspensions");
        String postcode = AttendanceRowRules.value(record, columns, "postcode");
        String upn = AttendanceRowRules.value(record, columns, "upn");
        String ref = AttendanceRowRules.value(record, columns, "pupil_ref");
        return new AttendanceRow(
                row,
                AttendanceRowRules.value(record, columns, "school_urn"),
                AttendanceRowRules.value(record, columns, "term"),
                ref == null ? "pupil" : ref,
                upn == null ? null : upn.toUpperCase(Locale.ROOT),
                AttendanceRowRules.value(record, columns, "given_name"),
                AttendanceRowRules.value(record, columns, "family_name"),
                AttendanceRowRules.date(AttendanceRowRules.value(record, columns, "date_of_birth")),
                sex == null ? null : AttendanceRowRules.SEX.get(sex.toUpperCase(Locale.ROOT)),
                postcode == null ? null : postcode.toUpperCase(Locale.ROOT),
                AttendanceCodes.count(AttendanceRowRules.value(record, columns, "marks")),
                suspensions == null ? null : Integer.valueOf(suspensions),
                AttendanceRowRules.value(record, columns, "contact_given_name"),
                AttendanceRowRules.value(record, columns, "contact_family_name"),
                content);
    }

    private static Result fileProblem(String reason) {
        return new Result(List.of(), List.of(new Problem(0, reason, "")));
    }
}

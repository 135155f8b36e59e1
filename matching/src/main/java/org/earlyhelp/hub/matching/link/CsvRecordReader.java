package org.earlyhelp.hub.matching.link;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.matching.dates.DateParser;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Reads one CSV file (header row, comma separated, UTF-8) into person records. Tolerant of what real extracts hold:
 * header names in any case and with stray spaces, spaces around values (FEBRL puts one after each comma), dates in the
 * formats {@link DateParser} knows, a UTF-8 byte order mark. A bad value is reported and ignored; a row without an id,
 * with a repeated id, with the wrong number of cells or with a quote never closed is reported (file, line and column,
 * never the value) and skipped; the rest of the file is still read ({@link CsvRows}).
 */
public final class CsvRecordReader {

    /** The records read and what was wrong. */
    public record Read(List<PersonRecord> records, List<RowProblem> problems) {}

    private final ColumnMapping mapping;
    private final boolean allowMissingColumns;
    private final LocalDate today;
    private final ColumnProfile profile;

    public CsvRecordReader(ColumnMapping mapping, LocalDate today) {
        this(mapping, today, false);
    }

    /**
     * @param allowMissingColumns a mapped column a file lacks is read as empty for that file (partners' extracts hold
     *     different fields), instead of failing; the id column is always required
     */
    public CsvRecordReader(ColumnMapping mapping, LocalDate today, boolean allowMissingColumns) {
        this(mapping, today, allowMissingColumns, null);
    }

    /** @param profile told every mapped cell read, for {@code link}'s column summary; may be null */
    public CsvRecordReader(ColumnMapping mapping, LocalDate today, boolean allowMissingColumns, ColumnProfile profile) {
        this.mapping = mapping;
        this.today = today;
        this.allowMissingColumns = allowMissingColumns;
        this.profile = profile;
    }

    /**
     * @param input the name written to the output's {@code input} column and used as the records' source
     * @param education whether the file holds education records (UPNs are compared only between those)
     */
    public Read read(String input, Path file, boolean education) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(input, reader, education);
        }
    }

    public Read read(String input, Reader reader, boolean education) throws IOException {
        List<PersonRecord> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (CsvRows rows = new CsvRows(reader)) {
            CsvRows.Row headerRow = rows.next();
            if (headerRow == null || headerRow.cells() == null) {
                throw new IllegalArgumentException(input
                        + (headerRow == null ? " is empty" : " has an unreadable header row: " + headerRow.problem()));
            }
            List<String> header = headerRow.cells();
            Map<String, Integer> columns = columns(header);
            int idIndex = require(columns, mapping.idColumn(), input);
            Map<Field, List<Integer>> indexes = new EnumMap<>(Field.class);
            Map<Integer, String> columnNames = new HashMap<>();
            for (ColumnMapping.Entry e : mapping.entries()) {
                if (allowMissingColumns && !columns.containsKey(normalise(e.column()))) {
                    continue;
                }
                int index = require(columns, e.column(), input);
                indexes.computeIfAbsent(e.field(), f -> new ArrayList<>()).add(index);
                columnNames.put(index, e.column());
            }
            int width = header.size();
            Set<String> ids = new HashSet<>();
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                long line = row.line();
                if (row.cells() == null) {
                    String column = row.problemCell() < width ? header.get(row.problemCell()) : null;
                    problems.add(new RowProblem(input, line, column, row.problem(), true));
                    continue;
                }
                List<String> cells = row.cells();
                if (cells.size() != width) {
                    problems.add(new RowProblem(
                            input, line, null, "has " + cells.size() + " cells, the header has " + width, true));
                    continue;
                }
                String id = cells.get(idIndex);
                if (id.isEmpty()) {
                    problems.add(new RowProblem(input, line, mapping.idColumn(), "no id", true));
                    continue;
                }
                if (!ids.add(id)) {
                    problems.add(new RowProblem(input, line, mapping.idColumn(), "the id is repeated", true));
                    continue;
                }
                records.add(toRecord(input, education, id, cells, line, indexes, columnNames, problems));
            }
        }
        return new Read(records, problems);
    }

    private PersonRecord toRecord(
            String input,
            boolean education,
            String id,
            List<String> row,
            long line,
            Map<Field, List<Integer>> indexes,
            Map<Integer, String> columnNames,
            List<RowProblem> problems) {
        if (profile != null) {
            for (Map.Entry<Field, List<Integer>> e : indexes.entrySet()) {
                profile.observe(e.getKey(), value(row, e.getValue()));
            }
        }
        PersonRecord.Builder b = PersonRecord.builder(id).source(input).education(education);
        b.forename(value(row, indexes.get(Field.FORENAME)));
        b.middleNames(value(row, indexes.get(Field.MIDDLE_NAMES)));
        b.surname(value(row, indexes.get(Field.SURNAME)));
        String fullName = value(row, indexes.get(Field.FULL_NAME));
        if (fullName != null) {
            String[] words = fullName.strip().split("\\s+");
            if (!indexes.containsKey(Field.FORENAME) && words.length > 1) {
                b.forename(words[0]);
            }
            if (!indexes.containsKey(Field.SURNAME)) {
                b.surname(words[words.length - 1]);
            }
            if (!indexes.containsKey(Field.MIDDLE_NAMES) && words.length > 2) {
                b.middleNames(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1)));
            }
        }
        List<Integer> dob = indexes.get(Field.DOB);
        if (dob != null) {
            String raw = row.get(dob.get(0));
            if (!raw.isEmpty()) {
                var parsed = DateParser.parse(raw, today);
                var year = parsed.isPresent() ? java.util.OptionalInt.empty() : DateParser.parseYear(raw, today);
                if (parsed.isPresent()) {
                    b.dateOfBirth(parsed.get());
                } else if (year.isPresent()) {
                    b.yearOfBirth(year.getAsInt());
                } else {
                    problems.add(new RowProblem(input, line, columnNames.get(dob.get(0)), "not a date", false));
                }
            }
        }
        b.sex(value(row, indexes.get(Field.SEX)));
        b.postcode(value(row, indexes.get(Field.POSTCODE)));
        List<Integer> address = new ArrayList<>();
        for (Field f : List.of(Field.ADDRESS, Field.ADDRESS_1, Field.ADDRESS_2)) {
            address.addAll(indexes.getOrDefault(f, List.of()));
        }
        b.address(value(row, address));
        b.town(value(row, indexes.get(Field.TOWN)));
        b.uprn(value(row, indexes.get(Field.UPRN)));
        b.nhsNumber(value(row, indexes.get(Field.NHS_NUMBER)));
        b.upn(value(row, indexes.get(Field.UPN)));
        b.otherIdentifier(value(row, indexes.get(Field.OTHER_IDENTIFIER)));
        b.email(value(row, indexes.get(Field.EMAIL)));
        b.phone(value(row, indexes.get(Field.PHONE)));
        return b.build();
    }

    /** The non-empty cells of these columns joined by spaces, or null. */
    private static String value(List<String> row, List<Integer> indexes) {
        if (indexes == null || indexes.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int index : indexes) {
            String cell = row.get(index);
            if (!cell.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(cell);
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalise(header.get(i)), i);
        }
        return columns;
    }

    private static int require(Map<String, Integer> columns, String column, String input) {
        Integer index = columns.get(normalise(column));
        if (index == null) {
            throw new IllegalArgumentException(
                    input + " has no column '" + column + "'; it has: " + String.join(", ", columns.keySet()));
        }
        return index;
    }

    private static String normalise(String column) {
        return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    }
}

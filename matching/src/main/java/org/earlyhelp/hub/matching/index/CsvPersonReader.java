package org.earlyhelp.hub.matching.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.matching.dates.DateParser;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Reads person records from a CSV file with a header, by a mapping from {@link PersonRecord} fields to columns. The
 * default mapping fits the simulator's people file ({@code hub.jar simulate people}); {@code address} may name several
 * columns, joined with ", ". Columns not mapped (such as the simulator's ground truth) are ignored.
 */
public final class CsvPersonReader {

    /** The fields a mapping may name. */
    public static final Set<String> FIELDS = Set.of(
            "forename",
            "middle_names",
            "surname",
            "dob",
            "sex",
            "address",
            "town",
            "postcode",
            "uprn",
            "nhs_number",
            "upn",
            "other_identifier",
            "email",
            "phone");

    /**
     * @param idColumn the column with each record's id (unique within its source)
     * @param sourceColumn the column naming each record's source, or null to use {@code fixedSource}
     * @param fixedSource the source of every record when there is no source column
     * @param fields field name (one of {@link #FIELDS}) to the columns it is read from
     * @param educationSources sources whose records are education records (their UPNs are compared)
     */
    public record Mapping(
            String idColumn,
            String sourceColumn,
            String fixedSource,
            Map<String, List<String>> fields,
            Set<String> educationSources) {

        public Mapping {
            if (sourceColumn == null && (fixedSource == null || fixedSource.isBlank())) {
                throw new IllegalArgumentException("give a source column or a fixed source");
            }
            for (String field : fields.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException("unknown field '" + field + "': use one of " + FIELDS);
                }
            }
            fields = Map.copyOf(fields);
            educationSources = Set.copyOf(educationSources);
        }

        /**
         * The simulator's people file: {@code record_id}, {@code partner}, and a column per field.
         *
         * @param educationSources the partner kinds whose records are education records (a UPN is trusted between
         *     them), as the connectors say
         */
        public static Mapping simulator(Set<String> educationSources) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                fields.put(field, List.of(field));
            }
            fields.put("address", List.of("address_1", "address_2"));
            fields.remove("other_identifier");
            return new Mapping("record_id", "partner", null, fields, educationSources);
        }

        /** This mapping with one field read from other columns ({@code address_1+address_2} names two). */
        public Mapping with(String field, String columns) {
            Map<String, List<String>> copy = new LinkedHashMap<>(fields);
            copy.put(field, List.of(columns.split("\\+")));
            return new Mapping(idColumn, sourceColumn, fixedSource, copy, educationSources);
        }
    }

    private CsvPersonReader() {}

    /** Reads every row in file order; {@code today} places two-digit years of birth. */
    public static void read(Path file, Mapping mapping, LocalDate today, Consumer<PersonRecord> sink) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(in, mapping, today, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void read(Reader in, Mapping mapping, LocalDate today, Consumer<PersonRecord> sink)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build();
        try (CSVParser parser = format.parse(in)) {
            List<String> missing = new ArrayList<>();
            Map<String, Integer> header = parser.getHeaderMap();
            checkColumn(header, mapping.idColumn(), missing);
            if (mapping.sourceColumn() != null) {
                checkColumn(header, mapping.sourceColumn(), missing);
            }
            mapping.fields().values().forEach(cols -> cols.forEach(col -> checkColumn(header, col, missing)));
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the file has no column " + missing + "; it has " + header.keySet());
            }
            for (CSVRecord row : parser) {
                sink.accept(toRecord(row, mapping, today));
            }
        }
    }

    public static List<PersonRecord> readAll(Path file, Mapping mapping, LocalDate today) {
        List<PersonRecord> records = new ArrayList<>();
        read(file, mapping, today, records::add);
        return records;
    }

    private static void checkColumn(Map<String, Integer> header, String column, List<String> missing) {
        if (!header.containsKey(column)) {
            missing.add(column);
        }
    }

    static PersonRecord toRecord(CSVRecord row, Mapping m, LocalDate today) {
        String source = m.sourceColumn() == null ? m.fixedSource() : blankToNull(row.get(m.sourceColumn()));
        String dob = value(row, m, "dob");
        java.util.Optional<LocalDate> date = DateParser.parse(dob, today);
        // a year alone (the police's "age given") is kept as a partial date, as link keeps it
        java.util.OptionalInt year =
                date.isPresent() ? java.util.OptionalInt.empty() : DateParser.parseYear(dob, today);
        return PersonRecord.builder(row.get(m.idColumn()))
                .source(source)
                .education(source != null && m.educationSources().contains(source))
                .forename(value(row, m, "forename"))
                .middleNames(value(row, m, "middle_names"))
                .surname(value(row, m, "surname"))
                .dateOfBirth(date.orElse(null))
                .yearOfBirth(year.isPresent() ? year.getAsInt() : null)
                .sex(value(row, m, "sex"))
                .address(value(row, m, "address"))
                .town(value(row, m, "town"))
                .postcode(value(row, m, "postcode"))
                .uprn(value(row, m, "uprn"))
                .nhsNumber(value(row, m, "nhs_number"))
                .upn(value(row, m, "upn"))
                .otherIdentifier(value(row, m, "other_identifier"))
                .email(value(row, m, "email"))
                .phone(value(row, m, "phone"))
                .build();
    }

    private static String value(CSVRecord row, Mapping m, String field) {
        List<String> columns = m.fields().get(field);
        if (columns == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            String v = blankToNull(row.get(column));
            if (v != null) {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(v);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}

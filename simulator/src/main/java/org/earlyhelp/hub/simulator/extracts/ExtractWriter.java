package org.earlyhelp.hub.simulator.extracts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link PartnerExtracts} as RFC 4180 CSV files into one directory: {@code <partner>.csv} for each partner,
 * {@code case_system_relationships.csv}, and {@code truth.csv} (every record's true person and family).
 */
public final class ExtractWriter {

    public static final String RELATIONSHIPS_FILE = "case_system_relationships.csv";
    public static final String TRUTH_FILE = "truth.csv";

    private ExtractWriter() {}

    /** Writes the files and returns their paths, partner files first. */
    public static List<Path> write(PartnerExtracts extracts, Path directory) throws IOException {
        return write(extracts, directory, null);
    }

    /**
     * As {@link #write(PartnerExtracts, Path)}, the values written as the {@link MessyUk} profile writes them when
     * {@code messy} is given (no address columns; dates, sex and postcodes in mixed forms).
     */
    public static List<Path> write(PartnerExtracts extracts, Path directory, MessyUk messy) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        int partnerIndex = 0;
        for (Map.Entry<Partner, List<ExtractRow>> entry : extracts.rows().entrySet()) {
            Partner partner = entry.getKey();
            Path file = directory.resolve(fileName(partner));
            List<Column> columns = partner.columns().stream()
                    .filter(c -> messy == null || !MessyUk.DROPPED.contains(c))
                    .toList();
            int index = partnerIndex++;
            try (Writer out = open(file)) {
                Csv.writeRow(out, columns.stream().map(Column::header).toList());
                for (ExtractRow row : entry.getValue()) {
                    Csv.writeRow(
                            out,
                            columns.stream()
                                    .map(c -> messy == null ? c.valueOf(row) : messy.value(c, row, index))
                                    .toList());
                }
            }
            written.add(file);
        }
        Path relationships = directory.resolve(RELATIONSHIPS_FILE);
        try (Writer out = open(relationships)) {
            Csv.writeRow(out, List.of("parent_record_id", "child_record_id", "relationship"));
            for (Relationship r : extracts.relationships()) {
                Csv.writeRow(out, List.of(r.parentRecordId(), r.childRecordId(), r.relationship()));
            }
        }
        written.add(relationships);
        Path truth = directory.resolve(TRUTH_FILE);
        try (Writer out = open(truth)) {
            Csv.writeRow(out, List.of("input", "record_id", "true_person_id", "true_family_id"));
            for (Map.Entry<Partner, List<ExtractRow>> entry : extracts.rows().entrySet()) {
                for (ExtractRow row : entry.getValue()) {
                    Csv.writeRow(
                            out,
                            List.of(fileName(entry.getKey()), row.recordId(), row.truePersonId(), row.trueFamilyId()));
                }
            }
        }
        written.add(truth);
        return written;
    }

    public static String fileName(Partner partner) {
        return partner.id() + ".csv";
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}

package org.earlyhelp.hub.analytics.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedStatus;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.analytics.schema.NeedsDatasetRow;
import org.earlyhelp.hub.analytics.source.PersonFacts;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;

/**
 * Builds the person-needs rows from an analysis, has them released under an agreement, and writes them. Only people
 * with a need are rows: a family member without one is not in the dataset.
 */
public final class NeedsDataset {

    /** The dataset's record type, as agreements name it in {@code applies-to}. */
    public static final String TYPE = NeedsDatasetRow.getClassSchema().getProp("hub.type");

    private static final String PREFIX = NeedsDatasetRow.getClassSchema().getProp("hub.prefix") + ".";

    private NeedsDataset() {}

    /** The rows before release: field path to typed value, one per person with a need. */
    public static List<Map<String, Object>> rows(NeedsAnalysis.Result result, Map<String, PersonFacts> facts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FamilyNeeds family : result.families()) {
            for (PersonNeeds person : family.people()) {
                PersonFacts f = facts.get(person.personId());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(PREFIX + "person", person.personId());
                // a family's pseudonym is never a member's: the family id is the smallest member's person id
                row.put(PREFIX + "family", "family:" + family.familyId());
                row.put(PREFIX + "date-of-birth", f == null ? null : f.dateOfBirth());
                row.put(PREFIX + "sex", f == null ? null : f.sex());
                row.put(PREFIX + "postcode", f == null ? null : f.postcode());
                row.put(PREFIX + "active", outcomes(person, NeedStatus.Status.ACTIVE));
                row.put(PREFIX + "resolved", outcomes(person, NeedStatus.Status.RESOLVED));
                row.put(PREFIX + "sustained", outcomes(person, NeedStatus.Status.SUSTAINED));
                row.put(PREFIX + "family-needs", family.active().size());
                TreeSet<String> sources = new TreeSet<>();
                person.needs().forEach(n -> n.evidence().forEach(e -> sources.add(e.provider())));
                row.put(PREFIX + "sources", String.join(";", sources));
                row.put(PREFIX + "records", f == null ? 0 : f.records());
                row.put(PREFIX + "match-strength", f == null ? "single-record" : f.matchStrength());
                row.put(PREFIX + "weakest-match-weight", f == null ? null : f.weakestWeight());
                rows.add(row);
            }
        }
        return rows;
    }

    private static String outcomes(PersonNeeds person, NeedStatus.Status status) {
        return String.join(
                ";",
                person.needs().stream()
                        .filter(n -> n.status() == status)
                        .map(NeedStatus::outcome)
                        .toList());
    }

    /**
     * The people whose pseudonym changed since {@code since} (a merge folds one person into another; a split makes a
     * new one): old person id, new person id, and which.
     */
    public static List<String[]> changes(DataSource dataSource, Instant since) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select kind, person_id::text, other_person_id::text"
                        + " from person_event where at > ? order by event_id")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    out.add(
                            kind.equals("MERGE")
                                    ? new String[] {rs.getString(3), rs.getString(2), "merged"}
                                    : new String[] {rs.getString(2), rs.getString(3), "split"});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person index's merges and splits", e);
        }
        return out;
    }

    /** When the project last had a dataset released under the agreement, from the ledger; null for never. */
    public static Instant lastExport(DataSource dataSource, String agreement, String project) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select max(decided_at) from ledger_entry"
                        + " where entry_type = 'EXPORT' and details->>'agreement' = ? and details->>'project' = ?"
                        + " and details->>'decision' = 'PERMIT'")) {
            s.setString(1, agreement);
            s.setString(2, project);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger", e);
        }
    }

    /**
     * Writes {@code dataset.csv}, {@code data-dictionary.csv}, {@code about.txt} and, when there are changes, {@code
     * crosswalk.csv}.
     *
     * @param crosswalk old pseudonym, new pseudonym, why (already pseudonymised by the release)
     */
    public static List<Path> write(
            DatasetRelease.Released released,
            List<String[]> crosswalk,
            NeedsAnalysis.Result result,
            Path dir,
            String who,
            DatasetFormat format)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<String> fields = released.fields();
        Path data;
        if (format == DatasetFormat.PARQUET) {
            data = dir.resolve("dataset.parquet");
            ParquetDataset.write(released, result.asAt(), data);
        } else {
            data = dir.resolve("dataset.csv");
            try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
                    CSVPrinter csv = CSVFormat.DEFAULT
                            .builder()
                            .setHeader(fields.toArray(String[]::new))
                            .get()
                            .print(out)) {
                for (Map<String, String> row : released.rows()) {
                    List<String> values = new ArrayList<>(fields.size());
                    fields.forEach(f -> values.add(row.getOrDefault(f, "")));
                    csv.printRecord(values);
                }
            }
        }
        written.add(data);
        Path dictionary = dir.resolve("data-dictionary.csv");
        try (Writer out = Files.newBufferedWriter(dictionary, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader("field", "column", "type", "as released", "meaning")
                        .get()
                        .print(out)) {
            for (String field : fields) {
                csv.printRecord(
                        field,
                        format == DatasetFormat.PARQUET ? ParquetDataset.column(field) : field,
                        format == DatasetFormat.PARQUET
                                ? ParquetDataset.type(released.agreement(), field)
                                        .getName()
                                : "text",
                        released.agreement().ruleFor(field).toString(),
                        meaning(field));
            }
        }
        written.add(dictionary);
        if (!crosswalk.isEmpty()) {
            Path cross = dir.resolve("crosswalk.csv");
            try (Writer out = Files.newBufferedWriter(cross, StandardCharsets.UTF_8);
                    CSVPrinter csv = CSVFormat.DEFAULT
                            .builder()
                            .setHeader("old pseudonym", "new pseudonym", "because")
                            .get()
                            .print(out)) {
                for (String[] row : crosswalk) {
                    csv.printRecord((Object[]) row);
                }
            }
            written.add(cross);
        }
        Path about = dir.resolve("about.txt");
        Files.writeString(
                about,
                String.join(
                        "\n",
                        "Family needs dataset, as at " + result.asAt(),
                        "Agreement: " + released.agreement().id() + " version "
                                + released.agreement().version() + " ("
                                + released.agreement().purpose() + ")",
                        "Project: " + released.project() + " (pseudonyms are this project's own: they do not join"
                                + " with another project's, and stay the same in each of its exports)",
                        "File: " + data.getFileName() + " (" + format.label() + ")",
                        "Rows: " + released.rows().size() + " (one per person with a need; a family member without"
                                + " one is not in it)",
                        "Released to: " + who + "; the export is in the hub's disclosure ledger (EXPORT).",
                        "Each person's match-strength says how their records were joined; see data-dictionary.csv.",
                        crosswalk.isEmpty()
                                ? "No pseudonym changed since the project's last export."
                                : "crosswalk.csv maps pseudonyms of earlier exports changed by a merge or split.",
                        ""),
                StandardCharsets.UTF_8);
        written.add(about);
        return written;
    }

    /** The dataset's field paths with the documentation of the dataset schema. */
    public static Map<String, String> dictionary() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Schema.Field f : NeedsDatasetRow.getClassSchema().getFields()) {
            out.put(PREFIX + FieldCatalogue.kebab(f.name()), f.doc() == null ? "" : f.doc());
        }
        return out;
    }

    /** The Avro type of the dataset schema's field at {@code path} (without its null), or null when not one. */
    static Schema.Type baseType(String path) {
        for (Schema.Field f : NeedsDatasetRow.getClassSchema().getFields()) {
            if ((PREFIX + FieldCatalogue.kebab(f.name())).equals(path)) {
                Schema schema = f.schema();
                if (schema.getType() == Schema.Type.UNION) {
                    schema = schema.getTypes().stream()
                            .filter(t -> t.getType() != Schema.Type.NULL)
                            .findFirst()
                            .orElse(schema);
                }
                return schema.getLogicalType() == null ? schema.getType() : Schema.Type.STRING;
            }
        }
        return null;
    }

    static String prefix() {
        return PREFIX;
    }

    private static String meaning(String field) {
        return dictionary().getOrDefault(field, "");
    }
}

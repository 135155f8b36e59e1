package org.earlyhelp.hub.matching.link;

import java.util.ArrayList;
import java.util.List;

/**
 * Which CSV column feeds which {@link Field}, in the order given (the order joins address lines). Parsed from
 * {@code COLUMN=FIELD} arguments; a column may feed only one field, a field may be fed by several address columns.
 */
public record ColumnMapping(String idColumn, List<Entry> entries) {

    public record Entry(String column, Field field) {}

    public ColumnMapping {
        entries = List.copyOf(entries);
    }

    /** E.g. {@code parse("rec_id", List.of("given_name=forename", "date_of_birth=dob"))}. */
    public static ColumnMapping parse(String idColumn, List<String> maps) {
        List<Entry> entries = new ArrayList<>();
        for (String map : maps) {
            int eq = map.lastIndexOf('=');
            if (eq <= 0 || eq == map.length() - 1) {
                throw new IllegalArgumentException("--map needs COLUMN=FIELD, got '" + map + "'");
            }
            String column = map.substring(0, eq).strip();
            String key = map.substring(eq + 1).strip();
            Field field = Field.of(key)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown field '" + key + "' in --map " + map + "; fields are: " + Field.allKeys()));
            if (entries.stream().anyMatch(e -> e.column().equalsIgnoreCase(column))) {
                throw new IllegalArgumentException("column '" + column + "' is mapped twice");
            }
            entries.add(new Entry(column, field));
        }
        return new ColumnMapping(idColumn, entries);
    }
}

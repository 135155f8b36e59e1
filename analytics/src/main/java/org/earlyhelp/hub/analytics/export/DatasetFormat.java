package org.earlyhelp.hub.analytics.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats an analysts' dataset is written in; the data dictionary and about file are the same for each. */
public enum DatasetFormat {
    CSV("csv", "comma-separated, UTF-8, one header row of field paths"),
    PARQUET("parquet", "Apache Parquet, typed columns, the field paths in the data dictionary");

    private final String name;
    private final String label;

    DatasetFormat(String name, String label) {
        this.name = name;
        this.label = label;
    }

    /** The format named {@code csv} or {@code parquet}, or an error that lists them. */
    public static DatasetFormat of(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--format must be one of "
                        + Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(", ")) + ": " + name));
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.earlyhelp.hub.analytics.control;

import java.util.List;

/**
 * A table as it may be published: each cell and margin either a rounded count or suppressed ({@code null}). Row
 * {@code rows().size()} and column {@code columns().size()} of {@link #published} are the margins, so {@code
 * published[rows][columns]} is the grand total.
 */
public record ProtectedTable(String name, List<String> rows, List<String> columns, Long[][] published) {

    public static final String SUPPRESSED = "[c]";

    public Long cell(int row, int column) {
        return published[row][column];
    }

    public Long rowTotal(int row) {
        return published[row][columns.size()];
    }

    public Long columnTotal(int column) {
        return published[rows.size()][column];
    }

    public Long grandTotal() {
        return published[rows.size()][columns.size()];
    }

    /** A published value as written in a CSV: the rounded count, or {@code [c]} (the ONS's mark for confidential). */
    public static String text(Long value) {
        return value == null ? SUPPRESSED : Long.toString(value);
    }
}

package org.earlyhelp.hub.analytics.control;

import java.util.List;

/**
 * A two-way table of counts before protection (rows such as areas, columns such as needs), with its margins: each
 * row's total, each column's total and the grand total are published too, and are protected with the cells. A
 * person may count in several columns (a person with two needs), so totals are given, not summed.
 */
public record CountTable(
        String name,
        List<String> rows,
        List<String> columns,
        long[][] cells,
        long[] rowTotals,
        long[] columnTotals,
        long grandTotal) {

    public CountTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (cells.length != rows.size() || rowTotals.length != rows.size() || columnTotals.length != columns.size()) {
            throw new IllegalArgumentException("the table's cells and margins do not fit its rows and columns");
        }
        for (long[] row : cells) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("every row needs a count per column");
            }
        }
    }

    /** A table whose totals are the sums of its cells (each unit in one cell). */
    public static CountTable additive(String name, List<String> rows, List<String> columns, long[][] cells) {
        long[] rowTotals = new long[rows.size()];
        long[] columnTotals = new long[columns.size()];
        long grand = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                rowTotals[i] += cells[i][j];
                columnTotals[j] += cells[i][j];
                grand += cells[i][j];
            }
        }
        return new CountTable(name, rows, columns, cells, rowTotals, columnTotals, grand);
    }
}

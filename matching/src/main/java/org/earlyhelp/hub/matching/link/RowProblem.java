package org.earlyhelp.hub.matching.link;

/**
 * Something wrong with one row of an input file. Names the place and the reason, never the value: the value may be
 * personal data.
 *
 * @param line the line number in the file (the header is line 1)
 * @param column the column concerned, or null for the whole row
 * @param skipped true when the row was left out; false when only the value was ignored
 */
public record RowProblem(String input, long line, String column, String reason, boolean skipped) {

    @Override
    public String toString() {
        return input + " line " + line + (column == null ? "" : ", column " + column) + ": " + reason
                + (skipped ? " (row skipped)" : " (value ignored)");
    }
}

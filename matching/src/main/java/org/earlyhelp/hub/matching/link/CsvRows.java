package org.earlyhelp.hub.matching.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits CSV text (RFC 4180, comma separated) into rows, one row at a time, so that a bad row is reported and skipped
 * instead of ending the read. Why not a streaming parser: one unterminated quote makes Commons CSV read the rest of the
 * file as one cell, then fail; here a quoted cell may span at most {@value #MAX_LINES_PER_ROW} lines, after which the
 * row is reported as unterminated and reading resumes on the line after it. A UTF-8 byte order mark is dropped. Cells are
 * trimmed (FEBRL puts a space after each comma); a doubled quote inside a quoted cell is one quote.
 */
final class CsvRows implements AutoCloseable {

    static final int MAX_LINES_PER_ROW = 20;
    private static final char BOM = '\uFEFF';

    /**
     * One row: its cells, or (cells null) the reason it could not be read and the index of the cell where it failed.
     *
     * @param line the physical line the row starts on, from 1
     */
    record Row(long line, List<String> cells, String problem, int problemCell) {}

    private record Line(long number, String text) {}

    private final BufferedReader in;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private long lineNumber;
    private boolean first = true;

    CsvRows(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    }

    /** The next non-blank row, or null at the end. */
    Row next() throws IOException {
        while (true) {
            Line start = readLine();
            if (start == null) {
                return null;
            }
            if (start.text().isBlank()) {
                continue;
            }
            List<Line> consumed = new ArrayList<>();
            StringBuilder text = new StringBuilder(start.text());
            while (true) {
                Parsed parsed = parse(text);
                if (parsed.cells != null) {
                    return new Row(start.number(), parsed.cells, null, -1);
                }
                Line more = consumed.size() + 1 < MAX_LINES_PER_ROW ? readLine() : null;
                if (more == null) {
                    // give the lines after the bad one back: they are rows of their own
                    for (int i = consumed.size() - 1; i >= 0; i--) {
                        pushedBack.push(consumed.get(i));
                    }
                    return new Row(start.number(), null, "a quote is not closed", parsed.openCell);
                }
                consumed.add(more);
                text.append('\n').append(more.text());
            }
        }
    }

    private Line readLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        lineNumber++;
        if (first) {
            first = false;
            if (!text.isEmpty() && text.charAt(0) == BOM) {
                text = text.substring(1);
            }
        }
        return new Line(lineNumber, text);
    }

    private record Parsed(List<String> cells, int openCell) {}

    /** The cells of {@code text}, or null cells with the index of a cell whose quote is still open at the end. */
    static Parsed parse(CharSequence text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            cell.setLength(0);
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (!closed) {
                    return new Parsed(null, cells.size());
                }
                // anything between the closing quote and the comma is kept (lenient, as spreadsheets write it)
                while (i < n && text.charAt(i) != ',') {
                    cell.append(text.charAt(i++));
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    cell.append(text.charAt(i++));
                }
            }
            cells.add(cell.toString().strip());
            if (i >= n) {
                return new Parsed(cells, -1);
            }
            i++; // the comma
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

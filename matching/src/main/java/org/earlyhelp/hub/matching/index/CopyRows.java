package org.earlyhelp.hub.matching.index;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format), about a megabyte at a time,
 * so a million-row load never holds more than one chunk of text.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;
    /** Rows formatted in parallel per chunk; formatting (JSON, blocking keys, explanations) costs more than the copy. */
    static final int CHUNK = 20_000;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** @param table the table and its columns, e.g. {@code person (person_id, created_at)} */
    static CopyRows into(Connection c, String table) throws SQLException {
        return new CopyRows(c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin"));
    }

    /**
     * Formats the rows of items {@code 0..n-1} in parallel chunks (an item may give several lines, or null for none) and
     * copies them in order.
     *
     * @return the number of lines copied
     */
    static long copy(Connection c, String table, int n, IntFunction<String> row) throws SQLException {
        try (CopyRows out = into(c, table)) {
            for (int from = 0; from < n; from += CHUNK) {
                String[] chunk = IntStream.range(from, Math.min(n, from + CHUNK))
                        .parallel()
                        .mapToObj(row)
                        .toArray(String[]::new);
                for (String r : chunk) {
                    if (r != null && !r.isEmpty()) {
                        out.raw(r);
                    }
                }
            }
            return out.finish();
        }
    }

    /** Appends already formatted lines (each ending in a newline). */
    void raw(String lines) throws SQLException {
        buffer.append(lines);
        for (int i = 0; i < lines.length(); i++) {
            if (lines.charAt(i) == '\n') {
                rows++;
            }
        }
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** One row in COPY text format: tab-separated, {@code \N} for null, ending in a newline. */
    static String line(Object... values) {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else {
                escape(v.toString(), out);
            }
        }
        return out.append('\n').toString();
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}

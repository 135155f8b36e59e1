package org.earlyhelp.hub.simulator.extracts;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 output: CRLF line ends; a field holding a comma, quote or line break is quoted, quotes doubled. */
final class Csv {

    private Csv() {}

    static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needsQuotes = false;
        for (int i = 0; i < field.length() && !needsQuotes; i++) {
            char c = field.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}

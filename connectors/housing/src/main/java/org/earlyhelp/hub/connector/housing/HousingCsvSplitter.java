package org.earlyhelp.hub.connector.housing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into its records, honouring quotes (a quoted value may hold a line break), so that each record can
 * be parsed, and refused, on its own: a stray quote spoils one record, not the file. An unclosed quote runs to the end
 * of the text, which then is one record (refused as a whole, and so never lost).
 */
final class HousingCsvSplitter {

    /** One record's text (without its line break) and the line it starts on, counting from 1. */
    record Chunk(int line, String text, boolean unclosedQuote) {}

    private HousingCsvSplitter() {}

    static List<Chunk> split(String text) {
        List<Chunk> out = new ArrayList<>();
        int line = 1;
        int startLine = 1;
        int start = 0;
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                i++;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                out.add(new Chunk(startLine, text.substring(start, i), false));
                i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
                line++;
                start = i;
                startLine = line;
            } else {
                if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                    line++;
                }
                i++;
            }
        }
        if (start < text.length()) {
            out.add(new Chunk(startLine, text.substring(start), quoted));
        }
        return out;
    }
}

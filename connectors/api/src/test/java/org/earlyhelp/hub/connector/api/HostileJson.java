package org.earlyhelp.hub.connector.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates hostile variants of a valid JSON body for property-based tests of every reader: values swapped for
 * distinctive personal data in the wrong place or type, keys duplicated and misspelt, control characters, huge values,
 * truncation, trailing garbage and plain noise. Shared by the connector and app tests (this module's test jar).
 */
public final class HostileJson {

    /** Distinctive personal data the hostile values carry: none may ever appear in an error or a log. */
    public static final List<String> MARKERS =
            List.of("Zephyrine", "Quillfeather", "2013-07-19", "19/07/2013", "999999", "4857773457");

    private static final Pattern TOKEN =
            Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"(\\s*:)?|-?[0-9][0-9.eE+-]*|true|false|null");

    private static final List<String> VALUES = List.of(
            "\"Zephyrine\"",
            "\"Quillfeather\"",
            "12345",
            "4857773457",
            "1",
            "0",
            "-1",
            "1.5",
            "1e400",
            "99999999999999999999999999999999999",
            "\"1\"",
            "\"true\"",
            "true",
            "false",
            "null",
            "\"\"",
            "\" \"",
            "{}",
            "[]",
            "[\"Zephyrine\"]",
            "{\"givenName\": \"Zephyrine\"}",
            "\"2013-07-19\"",
            "\"19/07/2013\"",
            "\"2013-02-30\"",
            "\"-999999-01-01\"",
            "\"+999999-01-01\"",
            "\"2013-07-19T00:00:00\"",
            "\"2013-07-19T25:00:00Z\"",
            "\"1899-12-31\"",
            "\"2999-01-01\"",
            "\"Zephyrine\\u0000\"",
            "\"\\u0000\"",
            "\"Zeph\\nyrine\"",
            "\"\\ud800Zephyrine\"",
            "\"Zephyrine\\u001f\"",
            "\"CHILD\"",
            "\"school-attendance\"",
            "\"SAME_PERSON\"",
            "\"" + "Zephyrine".repeat(1200) + "\"",
            "\"" + "Quillfeather ".repeat(30) + "\"");

    private static final List<String> GARBAGE =
            List.of("}", "]", "{", ",", ":", "\"", "\\", "\u0000", "\n", "Zephyrine", "\"Zephyrine\"", "//", "\ufeff");

    private HostileJson() {}

    /** One to three mutations applied to {@code valid}. */
    public static Arbitrary<String> variantsOf(String valid) {
        return mutation().list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            String s = valid;
            for (Mutation m : ms) {
                s = m.apply(s);
            }
            return s;
        });
    }

    /** Variants of {@code valid}, and now and then plain noise. */
    public static Arbitrary<String> bodies(String valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, variantsOf(valid)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
    }

    private interface Mutation {
        String apply(String s);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Mutation> replaceValue =
                Combinators.combine(where, Arbitraries.of(VALUES)).as((i, v) -> s -> replaceToken(s, i, false, v));
        Arbitrary<Mutation> duplicateKey = where.map(i -> s -> duplicateKey(s, i));
        Arbitrary<Mutation> misspellKey =
                Combinators.combine(where, Arbitraries.chars().range('a', 'z')).as((i, c) -> s -> misspellKey(s, i, c));
        Arbitrary<Mutation> unknownKey = Arbitraries.of(VALUES)
                .map(v -> s -> s.replaceFirst(
                        "\\{", "{\"dateOfBrith\": " + v.replace("\\", "\\\\").replace("$", "\\$") + ", "));
        Arbitrary<Mutation> truncate = where.map(i -> s -> s.substring(0, i % (s.length() + 1)));
        Arbitrary<Mutation> trailing = Arbitraries.of(GARBAGE).map(g -> s -> s + g);
        Arbitrary<Mutation> insert = Combinators.combine(where, Arbitraries.of(GARBAGE))
                .as((i, g) -> s -> {
                    int at = i % (s.length() + 1);
                    return s.substring(0, at) + g + s.substring(at);
                });
        return Arbitraries.oneOf(
                replaceValue,
                replaceValue,
                replaceValue,
                duplicateKey,
                misspellKey,
                unknownKey,
                truncate,
                trailing,
                insert);
    }

    private static List<int[]> tokens(String s, boolean keys) {
        List<int[]> found = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            boolean isKey = m.group(1) != null;
            if (isKey == keys) {
                found.add(new int[] {m.start(), isKey ? m.start(1) : m.end()});
            }
        }
        return found;
    }

    private static String replaceToken(String s, int i, boolean keys, String with) {
        List<int[]> t = tokens(s, keys);
        if (t.isEmpty()) {
            return s;
        }
        int[] at = t.get(i % t.size());
        return s.substring(0, at[0]) + with + s.substring(at[1]);
    }

    private static String duplicateKey(String s, int i) {
        List<int[]> t = tokens(s, true);
        if (t.isEmpty()) {
            return s;
        }
        int[] at = t.get(i % t.size());
        String key = s.substring(at[0], at[1]);
        return s.substring(0, at[0]) + key + ": \"Zephyrine\", " + s.substring(at[0]);
    }

    private static String misspellKey(String s, int i, char c) {
        List<int[]> t = tokens(s, true);
        if (t.isEmpty()) {
            return s;
        }
        int[] at = t.get(i % t.size());
        int mid = at[0] + 2;
        return s.substring(0, mid) + c + s.substring(mid);
    }
}

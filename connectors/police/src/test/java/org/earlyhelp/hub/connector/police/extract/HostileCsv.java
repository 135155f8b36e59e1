package org.earlyhelp.hub.connector.police.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile variants of a valid extract, at the byte level: truncation anywhere (mid-quote, mid-UTF-8 sequence),
 * inserted quotes, separators, line ends, NULs, byte-order marks and bytes that are not UTF-8, cells swapped for
 * oversized, impossible or control-laden values, headers repeated, re-cased or misspelt, and now and then noise.
 */
final class HostileCsv {

    /** Personal data the hostile values carry: none may appear in a reason. */
    static final List<String> MARKERS = List.of("Zephyrine", "Quillfeather", "2013-07-19", "19/07/2013", "4857773456");

    private static final List<byte[]> GARBAGE = List.of(
            b("\""),
            b(","),
            b("\n"),
            b("\r"),
            b("\r\n"),
            b("\u0000"),
            b("\ufeff"),
            b("\"\""),
            b("Zephyrine"),
            b("\",\""),
            new byte[] {(byte) 0xC3, (byte) 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

    private static final List<String> CELLS = List.of(
            "Zephyrine",
            "\"Quillfeather, Zephyrine\"",
            "2013-07-19",
            "19/07/2013",
            "2013-02-30",
            "31/02/2013",
            "2999-01-01",
            "1899-12-31",
            "2013-07-19T25:00:00Z",
            "4857773456",
            "REPORTED_MISSING",
            "anti_social behaviour",
            "YOUTH-OFFENDING",
            "not a type",
            "",
            " ",
            "\"\"",
            "\"Zeph\nyrine\"",
            "Zeph\u0001yrine",
            "x".repeat(5000),
            "Zephyrine".repeat(600),
            "-1",
            "9".repeat(40));

    private HostileCsv() {}

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Arbitrary<byte[]> variantsOf(String valid) {
        byte[] base = b(valid);
        return mutation().list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            byte[] s = base;
            for (Mutation m : ms) {
                s = m.apply(s);
            }
            return s;
        });
    }

    static Arbitrary<byte[]> files(String valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(9, variantsOf(valid)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    private interface Mutation {
        byte[] apply(byte[] s);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Mutation> truncate = where.map(i -> s -> java.util.Arrays.copyOf(s, i % (s.length + 1)));
        Arbitrary<Mutation> insert = Combinators.combine(where, Arbitraries.of(GARBAGE))
                .as((i, g) -> s -> splice(s, i % (s.length + 1), 0, g));
        Arbitrary<Mutation> replaceCell =
                Combinators.combine(where, Arbitraries.of(CELLS)).as((i, v) -> s -> replaceCell(s, i, v));
        Arbitrary<Mutation> header = Arbitraries.of(
                (Mutation) s ->
                        b(new String(s, StandardCharsets.UTF_8).replaceFirst("reference", "Reference , reference")),
                s -> b(new String(s, StandardCharsets.UTF_8).replaceFirst("date_of_birth", "DATE OF BIRTH")),
                s -> b(new String(s, StandardCharsets.UTF_8).replaceFirst("given_name", "given_nmae")),
                s -> b(new String(s, StandardCharsets.UTF_8).replaceFirst("record_type,", "")),
                s -> b(new String(s, StandardCharsets.UTF_8).replaceFirst("\n", ",Zephyrine\n")));
        Arbitrary<Mutation> duplicateLine = where.map(i -> s -> s.length == 0 ? s : splice(s, 0, 0, lineAt(s, i)));
        return Arbitraries.oneOf(
                truncate, insert, insert, replaceCell, replaceCell, replaceCell, header, duplicateLine);
    }

    private static byte[] splice(byte[] s, int at, int remove, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length + with.length);
        out.write(s, 0, at);
        out.writeBytes(with);
        out.write(s, at + remove, s.length - at - remove);
        return out.toByteArray();
    }

    /** Replaces the i-th comma-separated run (ignoring quoting, as a careless export would). */
    private static byte[] replaceCell(byte[] s, int i, String value) {
        String text = new String(s, StandardCharsets.UTF_8);
        String[] cells = text.split(",", -1);
        if (cells.length < 2) {
            return s;
        }
        int at = i % cells.length;
        String cell = cells[at];
        int nl = cell.indexOf('\n');
        cells[at] = nl >= 0 ? value + cell.substring(nl) : value;
        return b(String.join(",", cells));
    }

    private static byte[] lineAt(byte[] s, int i) {
        String[] lines = new String(s, StandardCharsets.UTF_8).split("\n");
        return b(lines[i % lines.length] + "\n");
    }
}

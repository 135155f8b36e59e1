package org.earlyhelp.hub.connector.schools.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * 10,000 malformed attendance files (the example with bytes flipped, truncated, lines and values swapped, wrong
 * encodings, oversized values, noise): the reader never throws, each problem has a reason that quotes no value, and
 * every row it does read is a plausible attendance state.
 */
class AttendanceCsvPropertyTest {

    static final List<String> MARKERS = List.of("Amelia", "Hartley", "Oliver", "Brennan", "2015-03-14", "S41 7AB");
    final AttendanceCsvReader reader = new AttendanceCsvReader(LocalDate.of(2026, 12, 1));

    @Property(tries = 10_000)
    void malformedFileIsReadRowByRowOrRefusedWithAReasonFreeOfValues(@ForAll("files") byte[] file) {
        AttendanceCsvReader.Result result = reader.read(file);

        for (AttendanceCsvReader.Problem p : result.problems()) {
            assertThat(p.reason()).isNotBlank().doesNotContain(MARKERS);
        }
        for (AttendanceRow row : result.rows()) {
            assertThat(row.schoolUrn()).matches("[0-9]{6}");
            assertThat(row.sessions().possible()).isPositive();
            assertThat(row.sessions().percent()).isBetween(0.0, 100.0);
            assertThat(row.dateOfBirth()).isBeforeOrEqualTo(LocalDate.of(2026, 12, 1));
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        String valid;
        try {
            valid = AttendanceCsvReaderTest.example();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> flipped = Combinators.combine(
                        Arbitraries.integers().between(0, bytes.length - 1),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(1, 8))
                .as((at, value, count) -> {
                    byte[] copy = bytes.clone();
                    for (int i = 0; i < count; i++) {
                        copy[(at + i * 37) % copy.length] = (byte) (value + i);
                    }
                    return copy;
                });
        Arbitrary<byte[]> truncated =
                Arbitraries.integers().between(0, bytes.length).map(n -> java.util.Arrays.copyOf(bytes, n));
        Arbitrary<byte[]> inserted = Combinators.combine(
                        Arbitraries.integers().between(0, valid.length()),
                        Arbitraries.of(
                                "\"",
                                ",",
                                "\n",
                                "\r",
                                "\u0000",
                                "\uFEFF",
                                "\\",
                                ",,,,,,,,,,,,,,,",
                                "x".repeat(2000),
                                "\"a\"\"b",
                                "\u202E",
                                "=cmd|' /C calc'!A0",
                                "2013-02-30",
                                "-999999-01-01"))
                .as((at, junk) ->
                        (valid.substring(0, at) + junk + valid.substring(at)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> otherEncoding = Arbitraries.of(
                        StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1)
                .map(cs -> (valid + "123456,t,p9,,Jos\u00e9,\u00c9lise,2015-01-01,F,,/,,,\n").getBytes(cs));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> text = Arbitraries.strings()
                .withChars("/\\LNCX#,\"\n 0123456789-abcSchool_urnmarks")
                .ofMaxLength(400)
                .map(s -> ("school_urn,term,given_name,family_name,date_of_birth,marks\n" + s)
                        .getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(flipped, truncated, inserted, otherEncoding, noise, text);
    }
}

package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;

/**
 * Hostile CSV extracts made from the committed example: cells swapped for personal data in the wrong column, stray
 * and unclosed quotes, control characters, Latin-1 and broken UTF-8 bytes, oversized values, truncation, shuffled
 * columns and renamed headers. Each file is refused as a whole with reasons, or read row by row: every row a record
 * or a dead letter with a reason that quotes nothing sent, and no line of the file lost.
 */
class HousingCsvPropertyTest {

    private static final String EXAMPLE = new String(HousingSamples.exampleCsv(), StandardCharsets.UTF_8);

    private static final List<String> CELLS = List.of(
            "Zephyrine",
            "Quillfeather",
            "2013-07-19",
            "19/07/2013",
            "31/02/2013",
            "999999",
            "4857773457",
            "\"Zephyrine",
            "Zeph\"yrine",
            "\"Zephyrine\"\"",
            "Zephyrine\u0000",
            "\u0007",
            "yes",
            "maybe",
            "-1",
            "1e9",
            "SECTION_99",
            "tenancy",
            "caravan",
            "",
            " ",
            "\"Zephyrine\nQuillfeather\"",
            "Zephyrine".repeat(600),
            "\"" + "Quillfeather,".repeat(400) + "\"");

    private static final List<byte[]> BYTES = List.of(
            new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {0},
            "\r".getBytes(StandardCharsets.UTF_8),
            "\n".getBytes(StandardCharsets.UTF_8),
            "\"".getBytes(StandardCharsets.UTF_8),
            ",".getBytes(StandardCharsets.UTF_8),
            "Zephyrine".getBytes(StandardCharsets.ISO_8859_1));

    @Property(tries = 12_000)
    void hostileExtractIsRefusedOrReadRowByRowLosingNothing(@ForAll("extracts") byte[] file) {
        HousingCsvReader.Extract extract;
        try {
            extract = HousingSamples.CSV.read(file);
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            for (FieldError f : e.errors()) {
                assertThat(f.reason()).isNotBlank();
                quotesNothing(f.reason());
                quotesNothing(String.valueOf(f.field()));
            }
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (HousingCsvReader.Row row : extract.rows()) {
            if (row instanceof HousingCsvReader.Good good) {
                HousingRecordMapper.toRecord(good.type(), good.request(), "r", Instant.EPOCH);
                kept.append(new String(good.raw(), StandardCharsets.UTF_8)).append('\n');
            } else {
                HousingCsvReader.Bad bad = (HousingCsvReader.Bad) row;
                assertThat(bad.reason()).startsWith("line " + bad.line());
                quotesNothing(bad.reason());
                kept.append(new String(bad.raw(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        // none lost: every line after the header is in some row, record or dead letter
        String text = new String(file, StandardCharsets.UTF_8);
        text = text.startsWith("\ufeff") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n")));
        int header = 0;
        while (header < lines.size() && lines.get(header).isBlank()) {
            header++;
        }
        String all = kept.toString();
        for (String line : lines.subList(Math.min(header + 1, lines.size()), lines.size())) {
            if (!line.isBlank() && !line.contains("\ufffd")) {
                assertThat(all).contains(line);
            }
        }
    }

    private static void quotesNothing(String text) {
        for (String marker : HostileJson.MARKERS) {
            assertThat(text).doesNotContain(marker);
        }
    }

    @Provide
    Arbitrary<byte[]> extracts() {
        Arbitrary<Mutation> cell = Combinators.combine(
                        Arbitraries.integers().between(1, 7),
                        Arbitraries.integers().between(0, 31),
                        Arbitraries.of(CELLS))
                .as((row, col, value) -> f -> f.setCell(row, col, value));
        Arbitrary<Mutation> bytes = Combinators.combine(Arbitraries.integers().between(0, 5000), Arbitraries.of(BYTES))
                .as((at, b) -> f -> f.insertBytes(at, b));
        Arbitrary<Mutation> truncate = Arbitraries.integers().between(0, 5000).map(at -> f -> f.truncate(at));
        Arbitrary<Mutation> shuffle = Arbitraries.randoms().map(r -> f -> f.shuffleColumns(r));
        Arbitrary<Mutation> header = Combinators.combine(
                        Arbitraries.integers().between(0, 31),
                        Arbitraries.of("  Given Name ", "GIVEN-NAME", "Zephyrine", "record_type", "", "dateofbirth"))
                .as((col, name) -> f -> f.setCell(0, col, name));
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, cell),
                net.jqwik.api.Tuple.of(2, bytes),
                net.jqwik.api.Tuple.of(1, truncate),
                net.jqwik.api.Tuple.of(1, shuffle),
                net.jqwik.api.Tuple.of(1, header));
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            HostileCsv f = new HostileCsv(EXAMPLE);
            ms.forEach(m -> m.apply(f));
            return f.bytes();
        });
    }

    private interface Mutation {
        void apply(HostileCsv file);
    }

    /** The example as a grid of cells, then bytes, for mutations of either. */
    private static final class HostileCsv {
        private final List<List<String>> grid = new ArrayList<>();
        private byte[] bytes;

        HostileCsv(String csv) {
            for (String line : csv.split("\n")) {
                grid.add(new ArrayList<>(Arrays.asList(splitCells(line))));
            }
        }

        private static String[] splitCells(String line) {
            // the example's only quoted cell holds a comma: keep it whole
            return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        }

        void setCell(int row, int col, String value) {
            freeze(false);
            List<String> r = grid.get(row % grid.size());
            r.set(col % r.size(), value);
        }

        void shuffleColumns(java.util.Random random) {
            freeze(false);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < grid.get(0).size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            for (List<String> r : grid) {
                if (r.size() == order.size()) {
                    List<String> copy = new ArrayList<>(r);
                    for (int i = 0; i < order.size(); i++) {
                        r.set(i, copy.get(order.get(i)));
                    }
                }
            }
        }

        void insertBytes(int at, byte[] b) {
            freeze(true);
            int i = at % (bytes.length + 1);
            byte[] out = new byte[bytes.length + b.length];
            System.arraycopy(bytes, 0, out, 0, i);
            System.arraycopy(b, 0, out, i, b.length);
            System.arraycopy(bytes, i, out, i + b.length, bytes.length - i);
            bytes = out;
        }

        void truncate(int at) {
            freeze(true);
            bytes = Arrays.copyOf(bytes, at % (bytes.length + 1));
        }

        /** Cell mutations only before the first byte mutation (then the grid is gone). */
        private void freeze(boolean toBytes) {
            if (bytes == null && toBytes) {
                bytes = render().getBytes(StandardCharsets.UTF_8);
            }
        }

        private String render() {
            StringBuilder s = new StringBuilder();
            for (List<String> r : grid) {
                s.append(String.join(",", r)).append('\n');
            }
            return s.toString();
        }

        byte[] bytes() {
            return bytes != null ? bytes : render().getBytes(StandardCharsets.UTF_8);
        }
    }
}

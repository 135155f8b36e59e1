package org.earlyhelp.hub.simulator.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeopleStreamTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void writesExactlyTheRecordsAskedForWithUniqueIdsAndGroundTruth() throws IOException {
        // When 10,000 records are streamed
        List<String[]> rows = rows(generate(7L, 10_000));

        // Then there are 10,000, each with an id and its true person and family
        assertThat(rows).hasSize(10_000);
        int id = PeopleStream.COLUMNS.indexOf(Column.RECORD_ID);
        int person = PeopleStream.COLUMNS.indexOf(Column.TRUE_PERSON_ID);
        int family = PeopleStream.COLUMNS.indexOf(Column.TRUE_FAMILY_ID);
        assertThat(rows.stream().map(r -> r[id])).doesNotHaveDuplicates().allMatch(s -> s.matches("rec-[0-9]{5}"));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[person]).matches("H[0-9]{7}-[0-9]{2}");
            assertThat(r[person]).startsWith(r[family]);
        });
    }

    @Test
    void aQuarterOfPeopleAppearMoreThanOnce() throws IOException {
        int person = PeopleStream.COLUMNS.indexOf(Column.TRUE_PERSON_ID);
        Map<String, Long> copies = rows(generate(11L, 10_000)).stream()
                .collect(Collectors.groupingBy(r -> r[person], Collectors.counting()));
        double repeated = copies.values().stream().filter(c -> c > 1).count() / (double) copies.size();
        assertThat(repeated).isBetween(0.20, 0.30);
        assertThat(copies.values()).allMatch(c -> c <= 3);
    }

    @Test
    void theSameSeedGivesTheSameFile() throws IOException {
        assertThat(generate(5L, 2_000)).isEqualTo(generate(5L, 2_000));
        assertThat(generate(6L, 2_000)).isNotEqualTo(generate(5L, 2_000));
    }

    @Test
    void rowsReachTheWriterBeforeGenerationEnds() throws IOException {
        // Given a writer that only counts, so nothing is held
        CountingWriter out = new CountingWriter();
        // When more rows than one shuffle window are streamed
        PeopleStream.write(9L, 3L * PeopleStream.WINDOW, AS_OF, out);
        // Then the rows arrived in several flushes, not as one block at the end
        assertThat(out.lines).isEqualTo(3L * PeopleStream.WINDOW + 1);
        assertThat(out.linesAtFirstFlush).isLessThanOrEqualTo(PeopleStream.WINDOW + 1);
    }

    private static String generate(long seed, long records) throws IOException {
        StringWriter out = new StringWriter();
        PeopleStream.write(seed, records, AS_OF, out);
        return out.toString();
    }

    /** No field in the stream holds a comma or quote, so a plain split reads it. */
    private static List<String[]> rows(String csv) {
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0))
                .isEqualTo(PeopleStream.COLUMNS.stream().map(Column::header).collect(Collectors.joining(",")));
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .peek(r -> assertThat(r).hasSize(PeopleStream.COLUMNS.size()))
                .map(Function.identity())
                .toList();
    }

    private static final class CountingWriter extends Writer {
        long lines;
        long linesAtFirstFlush = -1;
        private long writesSinceLine;

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            writesSinceLine++;
        }

        @Override
        public void write(String s) {
            write(s.toCharArray(), 0, s.length());
            if (lines > 1 && linesAtFirstFlush < 0 && lines >= PeopleStream.WINDOW) {
                linesAtFirstFlush = lines;
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

package org.earlyhelp.hub.connector.police.extract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.earlyhelp.hub.connector.api.RequestRejected;

/**
 * 10,000 hostile extracts (malformed CSV, truncation, bytes that are not UTF-8, oversized and impossible cells,
 * broken headers, noise): either the whole file is refused with a reason, or every row is accounted for, in order,
 * as a request that maps to a canonical record or as a reason naming a column; no reason quotes anything sent.
 */
class PoliceExtractPropertyTest {

    final PoliceExtractReader reader = new PoliceExtractReader(
            Validation.buildDefaultValidatorFactory().getValidator(), PoliceExtractReaderTest.NOW);

    @Property(tries = 10_000)
    void aHostileExtractIsRefusedWholeOrEveryRowIsTakenOrGivenAReason(@ForAll("extracts") byte[] file) {
        PoliceExtract extract;
        try {
            extract = reader.read(file);
        } catch (RequestRejected e) {
            assertThat(e.status()).isIn(400, 413);
            assertThat(e.errors()).isNotEmpty().allSatisfy(f -> assertThat(f.reason())
                    .isNotBlank());
            assertThat(e.errors().toString()).doesNotContain(HostileCsv.MARKERS);
            Statistics.collect("file refused");
            return;
        }
        List<PoliceExtract.Row> rows = extract.rows();
        Statistics.collect(
                rows.stream().allMatch(r -> r instanceof PoliceExtract.Good) ? "all rows good" : "some rows bad");
        for (int i = 0; i < rows.size(); i++) {
            PoliceExtract.Row row = rows.get(i);
            assertThat(row.number()).isGreaterThan(i == 0 ? 1 : rows.get(i - 1).number());
            if (row instanceof PoliceExtract.Bad bad) {
                assertThat(bad.reason()).isNotBlank().doesNotContain(HostileCsv.MARKERS);
            } else {
                PoliceExtract.Good good = (PoliceExtract.Good) row;
                assertThat(good.request().toRecord("r", Instant.EPOCH).getPeople())
                        .hasSize(1);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> extracts() throws IOException {
        String hostile = PoliceExtractReaderTest.example()
                .replace("Kayden", "Zephyrine")
                .replace("Lacey", "Zephyrine")
                .replace("Booth", "Quillfeather")
                .replace("2011-06-14", "2013-07-19")
                .replace("14/06/2011", "19/07/2013");
        return HostileCsv.files(hostile);
    }
}

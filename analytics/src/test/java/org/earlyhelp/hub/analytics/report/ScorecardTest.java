package org.earlyhelp.hub.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.analytics.control.CountTable;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.control.DisclosureProfile;
import org.earlyhelp.hub.analytics.needs.Observation;
import org.earlyhelp.hub.analytics.source.PersonFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardTest {

    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));

    @TempDir
    Path dir;

    @Test
    void eachMeasureCountsWhatItSaysByAreaAndMonth() {
        // Given a child with early help closed in March, re-referred in September (within 12 months), stepped up
        // in October; and an adult with an open early help case (not a child, so not counted as one)
        Scorecard.Tally tally = new Scorecard.Tally(MONTHS);
        PersonFacts child = facts("p1", LocalDate.of(2015, 1, 1));
        tally.person(
                "p1",
                "S41",
                child,
                List.of(
                        involvement("r1", "early-help", "2025-11-01", "2026-03-31", null, null),
                        involvement("r2", "early-help", "2026-09-10", null, "2026-09-01", "2026-09-15"),
                        referral("r3", "STEP_UP", "2026-10-05")));
        boolean[] adultOpen = tally.person(
                "p2",
                "S41",
                facts("p2", LocalDate.of(1990, 1, 1)),
                List.of(involvement("r4", "early-help", "2026-08-01", null, null, null)));

        // When
        Scorecard.Result result = tally.result();

        // Then
        CountTable children = result.counts().get("early-help-children");
        assertThat(children.rows()).containsExactly("S41");
        assertThat(children.cells()[0]).containsExactly(1, 1); // the child, open in both months; the adult is not one
        assertThat(children.rowTotals()[0])
                .as("the child counts once over the period")
                .isEqualTo(1);
        assertThat(result.counts().get("re-referrals-12m").cells()[0]).containsExactly(1, 0);
        assertThat(result.counts().get("step-ups").cells()[0]).containsExactly(0, 1);
        assertThat(result.counts().get("social-care-after-early-help").cells()[0])
                .containsExactly(0, 1);
        assertThat(result.counts().get("enquiry-to-support").cells()[0]).containsExactly(1, 0);
        assertThat(result.medianDays().get("S41")).containsEntry("2026-09", 14.0);
        assertThat(adultOpen).containsExactly(true, true);
    }

    @Test
    void aReferralAboutTwoChildrenIsOneStepUpAndACaseStartsSupportOnce() {
        Scorecard.Tally tally = new Scorecard.Tally(MONTHS);
        Observation referral = referral("r9", "STEP_DOWN", "2026-09-20");
        Observation shared = involvement("r8", "early-help", "2026-09-02", null, "2026-09-01", "2026-09-21");
        tally.person("a", "S40", facts("a", LocalDate.of(2016, 1, 1)), List.of(referral, shared));
        tally.person("b", "S40", facts("b", LocalDate.of(2018, 1, 1)), List.of(referral, shared));

        Scorecard.Result result = tally.result();

        assertThat(result.counts().get("step-downs").cells()[0]).containsExactly(1, 0);
        assertThat(result.counts().get("enquiry-to-support").cells()[0]).containsExactly(1, 0);
        assertThat(result.counts().get("early-help-children").cells()[0]).containsExactly(2, 2);
    }

    @Test
    void publishedScorecardHasNoSmallCountsAndRatesOnlyFromPublishedCountsWithAKnownPopulation() throws Exception {
        // Given 40 children in early help in S41 (published) and 3 in S42 (suppressed)
        Scorecard.Tally tally = new Scorecard.Tally(MONTHS);
        for (int i = 0; i < 43; i++) {
            String area = i < 40 ? "S41" : "S42";
            tally.person(
                    "c" + i,
                    area,
                    facts("c" + i, LocalDate.of(2014, 1, 1)),
                    List.of(involvement("x" + i, "early-help", "2026-09-01", null, "2026-08-25", "2026-09-08")));
        }
        Path population = Files.writeString(dir.resolve("population.csv"), "area,under-18s\nS41,8000\nS42,5000\n");

        // When
        List<Path> files = ScorecardWriter.write(
                tally.result(),
                new DisclosureControl(DisclosureProfile.DEFAULT),
                ScorecardWriter.population(population),
                dir.resolve("out"));

        // Then
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .contains(
                        "early-help-children.csv",
                        "early-help-children-per-10000.csv",
                        "enquiry-to-support-median-days.csv",
                        "about.txt");
        for (Path f : files) {
            if (f.toString().endsWith(".csv")
                    && !f.getFileName().toString().contains("per-10000")
                    && !f.getFileName().toString().contains("median")) {
                for (String line :
                        Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
                    for (String cell : line.split(",")) {
                        if (cell.matches("\\d+")) {
                            assertThat(Long.parseLong(cell)).as(f + ": " + line).matches(n -> n == 0 || n >= 8);
                            assertThat(Long.parseLong(cell) % 5)
                                    .as(f + ": " + line)
                                    .isZero();
                        }
                    }
                }
            }
        }
        // each rate is worked from the published count (blank where it is suppressed) over the area's population
        List<String> counts = Files.readAllLines(dir.resolve("out/early-help-children.csv"));
        List<String> rates = Files.readAllLines(dir.resolve("out/early-help-children-per-10000.csv"));
        Map<String, Long> people = Map.of("S41", 8000L, "S42", 5000L, "total", 13000L);
        boolean anyRate = false;
        for (int i = 1; i < counts.size(); i++) {
            String[] count = counts.get(i).split(",", -1);
            String[] rate = rates.get(i).split(",", -1);
            assertThat(rate[0]).isEqualTo(count[0]);
            for (int m = 1; m <= MONTHS.size(); m++) {
                if (count[m].matches("\\d+")) {
                    assertThat(rate[m])
                            .isEqualTo(String.format(
                                    java.util.Locale.ROOT,
                                    "%.1f",
                                    Long.parseLong(count[m]) * 10_000.0 / people.get(count[0])));
                    anyRate = true;
                } else {
                    assertThat(rate[m]).as("no rate from a suppressed count").isEmpty();
                }
            }
        }
        assertThat(anyRate).isTrue();
        assertThat(counts.stream().filter(l -> l.startsWith("S42"))).containsExactly("S42,[c],[c],[c]");
        List<String> medians = Files.readAllLines(dir.resolve("out/enquiry-to-support-median-days.csv"));
        assertThat(medians).contains("total,14.0,");
        assertThat(medians.stream().filter(l -> l.startsWith("S42"))).containsExactly("S42,,");
    }

    @Test
    void aPopulationFileWithoutTheColumnsIsRefusedWithTheFix() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "district,people\nS41,10\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScorecardWriter.population(bad))
                .hasMessageContaining("must name the columns area and under-18s");
    }

    private static PersonFacts facts(String id, LocalDate born) {
        return new PersonFacts(id, born, null, null, 1, "single-record", null);
    }

    private static Observation involvement(
            String record, String type, String opened, String closed, String enquiry, String support) {
        Map<String, Object> v = new HashMap<>();
        v.put("case.case-type", type);
        v.put("case.status", closed == null ? "open" : "closed");
        v.put("case.opened-on", LocalDate.parse(opened));
        if (closed != null) {
            v.put("case.closed-on", LocalDate.parse(closed));
        }
        if (enquiry != null) {
            v.put("case.enquiry-on", LocalDate.parse(enquiry));
        }
        if (support != null) {
            v.put("case.support-started-on", LocalDate.parse(support));
        }
        return new Observation("p", "c", "child", record, "casesystem", "case-involvement", Instant.EPOCH, v);
    }

    private static Observation referral(String record, String direction, String on) {
        return new Observation(
                "p",
                "c",
                "child",
                record,
                "casesystem",
                "case-referral",
                Instant.EPOCH,
                Map.of("referral.direction", direction, "referral.referred-on", LocalDate.parse(on)));
    }
}

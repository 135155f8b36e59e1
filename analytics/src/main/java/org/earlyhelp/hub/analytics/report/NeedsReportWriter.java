package org.earlyhelp.hub.analytics.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.control.ProtectedTable;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.criteria.Outcome;

/**
 * Writes where needs are greatest to a directory: each table as CSV after disclosure control ({@code [c]} where a
 * count is suppressed), a chart of each as SVG, and {@code about.txt} saying as at when, under which criteria and
 * which protection. Nothing in it names or identifies anyone.
 */
public final class NeedsReportWriter {

    private NeedsReportWriter() {}

    /** A chart as published: its file name and its SVG. */
    public record Chart(String name, String title, String svg) {}

    /**
     * Where needs are greatest as it may be shown: the three tables after disclosure control and a chart of each,
     * drawn from the protected counts only.
     */
    public record Published(
            LocalDate asAt, ProtectedTable people, ProtectedTable families, ProtectedTable trend, List<Chart> charts) {

        public Published {
            charts = List.copyOf(charts);
        }

        public List<ProtectedTable> tables() {
            return List.of(people, families, trend);
        }
    }

    /** Protects the analysis's tables and draws the charts from what is published: nothing else leaves. */
    public static Published publish(NeedsAnalysis.Result result, NeedCriteria criteria, DisclosureControl control) {
        ProtectedTable people = control.protect(result.peopleByArea());
        ProtectedTable families = control.protect(result.familiesByArea());
        ProtectedTable trend = control.protect(result.trend());
        List<Chart> charts = new ArrayList<>();
        List<String> titles = criteria.outcomes().stream().map(Outcome::title).toList();
        List<Long> byOutcome = new ArrayList<>();
        for (int j = 0; j < people.columns().size(); j++) {
            byOutcome.add(people.columnTotal(j));
        }
        String outcomeTitle = "People with each need, as at " + result.asAt();
        charts.add(new Chart(
                "people-with-needs-by-outcome.svg", outcomeTitle, SvgCharts.bars(outcomeTitle, titles, byOutcome)));
        int three = NeedsAnalysis.FAMILY_BANDS.size() - 1;
        List<Long> listedByArea = new ArrayList<>();
        for (int i = 0; i < families.rows().size(); i++) {
            listedByArea.add(families.cell(i, three));
        }
        String familyTitle = "Families with " + criteria.familyThreshold() + " or more needs, by area";
        charts.add(new Chart(
                "families-with-three-or-more-needs-by-area.svg",
                familyTitle,
                SvgCharts.bars(familyTitle, families.rows(), listedByArea)));
        List<Long> anyByMonth = new ArrayList<>();
        for (int i = 0; i < trend.rows().size(); i++) {
            anyByMonth.add(trend.rowTotal(i));
        }
        String trendTitle = "People with any need";
        charts.add(new Chart(
                "people-with-needs-by-month.svg", trendTitle, SvgCharts.line(trendTitle, trend.rows(), anyByMonth)));
        return new Published(result.asAt(), people, families, trend, charts);
    }

    /** The files written, in order. */
    public static List<Path> write(
            NeedsAnalysis.Result result, NeedCriteria criteria, DisclosureControl control, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Published published = publish(result, criteria, control);
        written.add(csv(dir, published.people(), "area", "people with any need"));
        written.add(csv(dir, published.families(), "area", "families with a need"));
        written.add(csv(dir, published.trend(), "month", "people with any need"));
        for (Chart chart : published.charts()) {
            written.add(svg(dir, chart.name(), chart.svg()));
        }
        Path about = dir.resolve("about.txt");
        Files.writeString(
                about,
                String.join(
                        "\n",
                        "Where needs are greatest, as at " + result.asAt(),
                        "",
                        "Criteria: version " + criteria.version() + " ("
                                + criteria.outcomes().size() + " outcomes; a family is listed at "
                                + criteria.familyThreshold() + " or more needs).",
                        "Disclosure control: counts from " + control.profile().suppressFrom() + " to "
                                + control.profile().suppressTo() + " suppressed, others rounded to the nearest "
                                + control.profile().roundTo()
                                + (control.profile().secondary()
                                        ? ", with secondary suppression so no suppressed count follows from the"
                                                + " totals."
                                        : "."),
                        "[c] marks a suppressed count. Totals are rounded separately and need not equal the sum of"
                                + " their rows.",
                        "A person with several needs counts once in each; the total of a row counts each person once.",
                        "Areas: postcode districts of each person's most recent address known to the hub, or the"
                                + " wards of the lookup given.",
                        ""),
                StandardCharsets.UTF_8);
        written.add(about);
        return written;
    }

    static Path csv(Path dir, ProtectedTable table, String rowName, String totalName) throws IOException {
        Path file = dir.resolve(table.name() + ".csv");
        List<String> header = new ArrayList<>();
        header.add(rowName);
        header.addAll(table.columns());
        header.add(totalName);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get()
                        .print(out)) {
            for (int i = 0; i <= table.rows().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(i == table.rows().size() ? "total" : table.rows().get(i));
                for (int j = 0; j <= table.columns().size(); j++) {
                    row.add(ProtectedTable.text(table.published()[i][j]));
                }
                csv.printRecord(row);
            }
        }
        return file;
    }

    private static Path svg(Path dir, String name, String svg) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, svg, StandardCharsets.UTF_8);
        return file;
    }
}

package org.earlyhelp.hub.analytics.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.control.ProtectedTable;

/**
 * Writes the scorecard after disclosure control: one CSV per measure (areas by months), the rate of children in early
 * help per 10,000 under-18s worked from the published counts and the population CSV, and the median days from enquiry
 * to support where the number of cases behind it is published.
 */
public final class ScorecardWriter {

    private ScorecardWriter() {}

    /**
     * The under-18 population by area, from a CSV with the columns {@code area} and {@code under-18s} (an ONS mid-year
     * estimate summed to the areas the scorecard counts by: postcode districts or wards).
     */
    public static Map<String, Long> population(Path csv) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(in)) {
                if (!r.isMapped("area") || !r.isMapped("under-18s")) {
                    throw new IllegalArgumentException(
                            csv + ": the header must name the columns area and under-18s (line 1)");
                }
                long n;
                try {
                    n = Long.parseLong(r.get("under-18s"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(csv + ":" + (r.getRecordNumber() + 1)
                            + ": under-18s must be a whole number, not " + r.get("under-18s"));
                }
                if (n <= 0) {
                    throw new IllegalArgumentException(
                            csv + ":" + (r.getRecordNumber() + 1) + ": under-18s must be more than 0");
                }
                out.merge(r.get("area").toUpperCase(Locale.ROOT), n, Long::sum);
            }
        }
        return out;
    }

    /** One published table as text: its name (the CSV's), the header, and the rows, the last of them the total. */
    public record Sheet(String name, List<String> header, List<List<String>> rows) {

        public Sheet {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /**
     * What of a scorecard may be shown or written: each measure after disclosure control (areas by months, with the
     * period), the rate per 10,000 under-18s worked from the published count, and the medians where their count is
     * published.
     */
    public static List<Sheet> publish(
            Scorecard.Result result, DisclosureControl control, Map<String, Long> population) {
        List<Sheet> sheets = new ArrayList<>();
        Map<String, ProtectedTable> published = new HashMap<>();
        for (var table : result.counts().values()) {
            ProtectedTable p = control.protect(table);
            published.put(table.name(), p);
            sheets.add(counts(p));
        }
        sheets.add(rates(published.get("early-help-children"), population));
        sheets.add(medians(published.get("enquiry-to-support"), result.medianDays()));
        return sheets;
    }

    public static List<Path> write(
            Scorecard.Result result, DisclosureControl control, Map<String, Long> population, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Sheet sheet : publish(result, control, population)) {
            written.add(csv(dir, sheet));
        }
        Path about = dir.resolve("about.txt");
        Files.writeString(
                about,
                String.join(
                        "\n",
                        "Early help scorecard, " + result.months().get(0) + " to "
                                + result.months().get(result.months().size() - 1),
                        "",
                        "Each measure's CSV counts by area (rows) and month (columns) after disclosure control: [c]"
                                + " marks a suppressed count; the others are rounded to the nearest "
                                + control.profile().roundTo() + ".",
                        "early-help-children: children with an early help case open in the month (the period"
                                + " column counts each child once).",
                        "early-help-children-per-10000: that count per 10,000 under-18s of the area, from the"
                                + " published count and the population CSV; blank where either is not known.",
                        "re-referrals-12m: early help cases opened in the month for a child whose earlier early help"
                                + " case closed within the 12 months before.",
                        "social-care-after-early-help: children stepped up to children's social care in the month"
                                + " (a step-up referral, or a child in need or child protection case opened) who had"
                                + " early help before.",
                        "step-ups, step-downs: referrals between early help and children's social care.",
                        "enquiry-to-support: early help cases whose support started in the month;"
                                + " enquiry-to-support-median-days: their median days, shown only where their number"
                                + " is published.",
                        "families-identified: families with the criteria's number of needs or more at the month's"
                                + " end; families-engaged: those with an early help case open then.",
                        ""),
                StandardCharsets.UTF_8);
        written.add(about);
        return written;
    }

    private static Path csv(Path dir, Sheet sheet) throws IOException {
        Path file = dir.resolve(sheet.name() + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(sheet.header().toArray(String[]::new))
                        .get()
                        .print(out)) {
            for (List<String> row : sheet.rows()) {
                csv.printRecord(row);
            }
        }
        return file;
    }

    private static Sheet counts(ProtectedTable table) {
        List<String> header = new ArrayList<>();
        header.add("area");
        header.addAll(table.columns());
        header.add("period");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= table.rows().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(i == table.rows().size() ? "total" : table.rows().get(i));
            for (int j = 0; j <= table.columns().size(); j++) {
                row.add(ProtectedTable.text(table.published()[i][j]));
            }
            rows.add(row);
        }
        return new Sheet(table.name(), header, rows);
    }

    private static Sheet rates(ProtectedTable children, Map<String, Long> population) {
        List<String> header = new ArrayList<>();
        header.add("area");
        header.addAll(children.columns());
        List<List<String>> rows = new ArrayList<>();
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i <= children.rows().size(); i++) {
            boolean totalRow = i == children.rows().size();
            String area = totalRow ? "total" : children.rows().get(i);
            Long denominator = totalRow ? (total == 0 ? null : total) : population.get(area.toUpperCase(Locale.ROOT));
            List<String> row = new ArrayList<>();
            row.add(area);
            for (int j = 0; j < children.columns().size(); j++) {
                Long count = children.published()[i][j];
                row.add(
                        count == null || denominator == null
                                ? ""
                                : String.format(Locale.ROOT, "%.1f", count * 10_000.0 / denominator));
            }
            rows.add(row);
        }
        return new Sheet("early-help-children-per-10000", header, rows);
    }

    private static Sheet medians(ProtectedTable cases, Map<String, Map<String, Double>> medians) {
        List<String> header = new ArrayList<>();
        header.add("area");
        header.addAll(cases.columns());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= cases.rows().size(); i++) {
            boolean totalRow = i == cases.rows().size();
            String area = totalRow ? "Total" : cases.rows().get(i);
            List<String> row = new ArrayList<>();
            row.add(totalRow ? "total" : area);
            for (int j = 0; j < cases.columns().size(); j++) {
                Long n = cases.published()[i][j];
                Double median =
                        medians.getOrDefault(area, Map.of()).get(cases.columns().get(j));
                // a median of a suppressed number of cases could tell of those few cases: not shown
                row.add(n == null || n == 0 || median == null ? "" : String.format(Locale.ROOT, "%.1f", median));
            }
            rows.add(row);
        }
        return new Sheet("enquiry-to-support-median-days", header, rows);
    }
}

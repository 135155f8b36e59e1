package org.earlyhelp.hub.matching.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.TrainingCheck;
import org.earlyhelp.hub.matching.model.Comparison;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;

/**
 * The parameters a run scored with, per comparison and level: m, u, the match weight, and whether they were trained,
 * constrained or fell back to the shipped ones (and why). As a text table for the terminal and as a self-contained HTML
 * page with an m/u chart and a match-weight chart per comparison (inline SVG, no scripts), like Splink's charts. Holds
 * parameters only, never a value from the data.
 */
public final class ParameterReport {

    /** One level's row. */
    public record Row(String comparison, String level, double m, double u, double weight) {}

    private final MatchSettings settings;
    private final List<Comparison> comparisons;
    private final FellegiSunterModel model;
    private final List<TrainingCheck> checks;

    public ParameterReport(MatchSettings settings, List<Comparison> comparisons, List<TrainingCheck> checks) {
        this.settings = settings;
        this.comparisons = comparisons;
        this.model = settings.toModel(comparisons);
        this.checks = checks;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < comparisons.size(); k++) {
            Comparison c = comparisons.get(k);
            for (int l = 0; l < c.levelCount(); l++) {
                if (!c.isNullLevel(l)) {
                    rows.add(new Row(
                            c.name(), c.levels().get(l).name(), model.m(k, l), model.u(k, l), model.weight(k, l)));
                }
            }
        }
        return rows;
    }

    private TrainingCheck check(String comparison) {
        return checks.stream()
                .filter(c -> c.comparison().equals(comparison))
                .findFirst()
                .orElse(new TrainingCheck(comparison, TrainingCheck.Status.SHIPPED, ""));
    }

    /** A fixed-width table, one line per level, then each fallback's reason. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "parameters (prior weight %.2f, lambda %.3g):%n%-17s %-24s %10s %10s %8s  %s%n",
                model.priorWeight(),
                model.lambda(),
                "comparison",
                "level",
                "m",
                "u",
                "weight",
                "status"));
        String last = "";
        for (Row r : rows()) {
            String status = r.comparison().equals(last)
                    ? ""
                    : check(r.comparison()).status().name();
            out.append(String.format(
                    Locale.ROOT,
                    "%-17s %-24s %10.4g %10.4g %+8.2f  %s%n",
                    r.comparison().equals(last) ? "" : r.comparison(),
                    r.level(),
                    r.m(),
                    r.u(),
                    r.weight(),
                    status));
            last = r.comparison();
        }
        for (TrainingCheck c : checks) {
            if (c.status() == TrainingCheck.Status.FELL_BACK) {
                out.append("WARNING: ")
                        .append(c.comparison())
                        .append(": ")
                        .append(c.reason())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A self-contained HTML page: the table, and per comparison an m/u bar chart and a match-weight bar chart. */
    public String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Match parameters</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td.l,th.l{text-align:left}")
                .append(".FELL_BACK{background:#fdd}.CONSTRAINED{background:#ffd}</style></head><body>")
                .append("<h1>Match parameters</h1><p>")
                .append(escape(settings.description()))
                .append("</p>");
        out.append(String.format(
                Locale.ROOT,
                "<p>Prior weight %.2f (lambda %.3g); link at weight %.2f, review at %.2f.</p>",
                model.priorWeight(),
                model.lambda(),
                settings.linkThreshold(),
                settings.reviewThreshold()));
        for (Comparison c : comparisons) {
            TrainingCheck check = check(c.name());
            List<Row> rows =
                    rows().stream().filter(r -> r.comparison().equals(c.name())).toList();
            out.append("<h2>")
                    .append(escape(c.name()))
                    .append(" <small class=\"")
                    .append(check.status().name())
                    .append("\">")
                    .append(check.status().name())
                    .append(check.reason().isEmpty() ? "" : ": " + escape(check.reason()))
                    .append("</small></h2>");
            out.append("<table><tr><th class=\"l\">level</th><th>m</th><th>u</th><th>weight</th></tr>");
            for (Row r : rows) {
                out.append(String.format(
                        Locale.ROOT,
                        "<tr><td class=\"l\">%s</td><td>%.4g</td><td>%.4g</td><td>%+.2f</td></tr>",
                        escape(r.level()),
                        r.m(),
                        r.u(),
                        r.weight()));
            }
            out.append("</table>");
            out.append(chart(rows, true)).append(chart(rows, false));
        }
        return out.append("</body></html>\n").toString();
    }

    /** m and u side by side per level (0..1), or the match weight per level (bars left or right of zero). */
    private static String chart(List<Row> rows, boolean mu) {
        int barHeight = 14;
        int labelWidth = 190;
        int width = 300;
        int height = rows.size() * (mu ? 2 * barHeight + 4 : barHeight + 4) + 20;
        double maxWeight = 1;
        for (Row r : rows) {
            maxWeight = Math.max(maxWeight, Math.abs(r.weight()));
        }
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
                        + "<text x=\"0\" y=\"12\" font-size=\"12\">%s</text>",
                labelWidth + width + 60,
                height,
                mu ? "m and u per level" : "match weight per level",
                mu ? "m (blue) and u (orange)" : "match weight (log2 m/u)"));
        int y = 20;
        for (Row r : rows) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>",
                    y + barHeight - 3,
                    escape(r.level())));
            if (mu) {
                svg.append(bar(labelWidth, y, r.m() * width, barHeight, "#4477aa", r.m()));
                svg.append(bar(labelWidth, y + barHeight, r.u() * width, barHeight, "#ee7733", r.u()));
                y += 2 * barHeight + 4;
            } else {
                double half = width / 2.0;
                double length = Math.abs(r.weight()) / maxWeight * half;
                double x = r.weight() >= 0 ? labelWidth + half : labelWidth + half - length;
                svg.append(bar(x, y, length, barHeight, r.weight() >= 0 ? "#228833" : "#cc3311", r.weight()));
                y += barHeight + 4;
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String bar(double x, int y, double length, int height, String colour, double value) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%.4g</title></rect>",
                x,
                y,
                Math.max(length, 0.5),
                height - 2,
                colour,
                value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

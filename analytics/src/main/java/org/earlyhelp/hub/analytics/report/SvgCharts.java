package org.earlyhelp.hub.analytics.report;

import java.util.List;
import java.util.Locale;

/**
 * Plain SVG charts of published (protected) counts, readable without a script: a horizontal bar chart and a line
 * chart. A suppressed value is drawn as no bar and labelled {@code [c]}, never estimated. Each chart carries a title
 * and a description for screen readers.
 */
public final class SvgCharts {

    private static final int WIDTH = 760;
    private static final int ROW = 26;
    private static final int LABEL = 260;

    private SvgCharts() {}

    public static String bars(String title, List<String> labels, List<Long> values) {
        long max = values.stream()
                .filter(v -> v != null)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        int height = 60 + labels.size() * ROW;
        StringBuilder svg = open(title, height, "Bar chart: " + title + ", " + labels.size() + " bars");
        int plot = WIDTH - LABEL - 70;
        for (int i = 0; i < labels.size(); i++) {
            int y = 45 + i * ROW;
            Long v = values.get(i);
            svg.append(text(LABEL - 8, y + 15, "end", labels.get(i)));
            if (v != null && max > 0) {
                int w = (int) Math.round(plot * (double) v / max);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#1d70b8\"/>%n",
                        LABEL,
                        y + 2,
                        w));
                svg.append(text(LABEL + w + 6, y + 15, "start", Long.toString(v)));
            } else {
                svg.append(text(LABEL + 6, y + 15, "start", v == null ? "[c]" : "0"));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    public static String line(String title, List<String> labels, List<Long> values) {
        long max = Math.max(
                1,
                values.stream()
                        .filter(v -> v != null)
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(1));
        int height = 300;
        int left = 70;
        int top = 45;
        int plotW = WIDTH - left - 30;
        int plotH = height - top - 60;
        StringBuilder svg = open(title, height, "Line chart: " + title + ", by month");
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\"/>%n",
                left,
                top + plotH,
                left + plotW,
                top + plotH));
        svg.append(text(left - 6, top + 5, "end", Long.toString(max)));
        svg.append(text(left - 6, top + plotH, "end", "0"));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            int x = left + (labels.size() == 1 ? plotW / 2 : i * plotW / (labels.size() - 1));
            svg.append(text(x, top + plotH + 18, "middle", labels.get(i)));
            Long v = values.get(i);
            if (v == null) {
                svg.append(text(x, top + plotH - 6, "middle", "[c]"));
                continue;
            }
            int y = top + plotH - (int) Math.round(plotH * (double) v / max);
            points.append(x).append(',').append(y).append(' ');
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#1d70b8\"/>%n", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim())
                .append("\"/>\n");
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, int height, String description) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-labelledby=\"t d\" font-family=\"Arial, sans-serif\" font-size=\"13\">%n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append("<title id=\"t\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"d\">").append(escape(description)).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        return svg;
    }

    private static String text(int x, int y, String anchor, String text) {
        return String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, escape(text));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

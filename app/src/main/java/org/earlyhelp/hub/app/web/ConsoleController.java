package org.earlyhelp.hub.app.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The console page: per partner, how many records were received, permitted, denied, delivered and dead-lettered, and
 * the size of the person index and its review queue.
 */
@RestController
public class ConsoleController {

    static final List<String> OUTCOMES =
            List.of("received", "rejected", "permitted", "denied", "review", "delivered", "dead-lettered");

    private final MeterRegistry meters;
    private final PersonIndex index;

    public ConsoleController(MeterRegistry meters, PersonIndex index) {
        this.meters = meters;
        this.index = index;
    }

    /** Partner to outcome to count, since this instance started. */
    @GetMapping(path = "/api-public/flows", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, Long>> flows() {
        Map<String, Map<String, Long>> table = new TreeMap<>();
        for (Counter c : meters.find("hub.records").counters()) {
            String partner = c.getId().getTag("partner");
            String outcome = c.getId().getTag("outcome");
            table.computeIfAbsent(partner, p -> new TreeMap<>()).merge(outcome, (long) c.count(), Long::sum);
        }
        return table;
    }

    /** Seconds since each partner's last successful contact ({@code PartnerMetrics}): a silent feed shows. */
    Map<String, Double> lastContactAge() {
        Map<String, Double> ages = new TreeMap<>();
        for (io.micrometer.core.instrument.Gauge g :
                meters.find("hub.partner.last.contact.age").gauges()) {
            ages.put(g.getId().getTag("partner"), g.value());
        }
        return ages;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"2\"><title>Early Help hub</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#0b0c0c}")
                .append("table{border-collapse:collapse}th,td{padding:.4rem .8rem;border-bottom:1px solid #b1b4b6;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>")
                .append("<h1>Early Help hub</h1><p>Records per partner since this instance started")
                .append(" (refreshes every 2 s).</p><table id=\"flows\"><thead><tr><th>partner</th>");
        OUTCOMES.forEach(o -> html.append("<th>").append(o).append("</th>"));
        html.append("<th>last contact</th></tr></thead><tbody>");
        Map<String, Double> lastContact = lastContactAge();
        flows().forEach((partner, counts) -> {
            html.append("<tr><td>").append(HtmlUtils.htmlEscape(partner)).append("</td>");
            OUTCOMES.forEach(
                    o -> html.append("<td>").append(counts.getOrDefault(o, 0L)).append("</td>"));
            Double age = lastContact.get(partner);
            html.append("<td>")
                    .append(age == null || age < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f s ago", age))
                    .append("</td></tr>");
        });
        PersonIndex.Stats stats = index.stats();
        html.append("</tbody></table><p id=\"index\">Person index: ")
                .append(stats.people())
                .append(" people from ")
                .append(stats.records())
                .append(" records; ")
                .append(stats.openReviews())
                .append(" pairs waiting for clerical review.</p>");
        html.append("<p><a href=\"/api-docs.html\">API (OpenAPI)</a> · ")
                .append("<a href=\"/actuator/health\">health</a> · ")
                .append("<a href=\"/actuator/prometheus\">metrics</a></p></body></html>");
        return html.toString();
    }
}

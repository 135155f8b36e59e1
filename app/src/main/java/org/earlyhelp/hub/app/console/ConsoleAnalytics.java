package org.earlyhelp.hub.app.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.control.DisclosureProfile;
import org.earlyhelp.hub.analytics.control.ProtectedTable;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.criteria.Outcome;
import org.earlyhelp.hub.analytics.report.Areas;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.analytics.report.NeedsReportWriter;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.app.analytics.NeedsAnalytics;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.dataset.DatasetRefused;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysts' pages (role ANALYST): where needs are greatest, as tables and charts after disclosure control (never
 * a raw count: a suppressed cell shows the profile's mark), and the pseudonymised dataset under an analytics
 * agreement as a zip. Both run the same code as {@code hub analytics needs|export} ({@link NeedsAnalytics}) over the
 * hub's database, with the hub's own pseudonymisation key; an export or its refusal is ledgered with the signed-in
 * analyst as the actor.
 */
@Controller
public class ConsoleAnalytics {

    /** Months of trend on the page, as the command line's default. */
    static final int MONTHS = 12;

    private static final int MAX_NAME = 100;

    private final ConsoleSession session;
    private final AgreementCatalogue agreements;
    private final FieldCatalogue catalogue;
    private final Connectors connectors;
    private final NeedsAnalytics analytics;
    private final DatasetRelease release;
    private final Clock clock;
    private final String criteriaFile;
    private final String wardsFile;
    private final String profileFile;
    private final String populationFile;

    public ConsoleAnalytics(
            ConsoleSession session,
            AgreementCatalogue agreements,
            FieldCatalogue catalogue,
            Connectors connectors,
            DataSource dataSource,
            RecordCodec codec,
            Pseudonymiser pseudonymiser,
            DisclosureLedger ledger,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${hub.analytics.criteria-file:}") String criteriaFile,
            @org.springframework.beans.factory.annotation.Value("${hub.analytics.wards-file:}") String wardsFile,
            @org.springframework.beans.factory.annotation.Value("${hub.analytics.disclosure-profile-file:}")
                    String profileFile,
            @org.springframework.beans.factory.annotation.Value("${hub.analytics.population-file:}")
                    String populationFile) {
        this.criteriaFile = criteriaFile;
        this.wardsFile = wardsFile;
        this.profileFile = profileFile;
        this.populationFile = populationFile;
        this.session = session;
        this.agreements = agreements;
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.analytics = new NeedsAnalytics(dataSource, codec, catalogue);
        this.release = new DatasetRelease(agreements, pseudonymiser, ledger, clock);
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "analytics";
    }

    /** A published table as the page shows it: the header, each row's cells as text, and the totals row. */
    public record Table(
            String name, String caption, List<String> header, List<List<String>> rows, List<String> total) {}

    /** A chart as the page shows it: its title (the image's text alternative) and its SVG as a data URI. */
    public record Chart(String title, String uri) {}

    /**
     * The council's analytics settings, read on every request (so a change to a file shows at once, on every
     * instance): the criteria, the wards lookup, the disclosure-control profile and the under-18 population, each
     * from its file under {@code hub.analytics.*} or the shipped default. A file that does not load stops the page
     * with its problem (the file, the line), never a count made under another rule.
     */
    record Settings(
            NeedCriteria criteria,
            Areas areas,
            DisclosureControl control,
            Map<String, Long> population,
            String criteriaSource,
            String areasSource) {}

    /** A setting file that does not load, with why (file and line; never personal data). */
    static final class SettingsProblem extends Exception {
        SettingsProblem(String message) {
            super(message);
        }
    }

    Settings settings(LocalDate today) throws SettingsProblem {
        try {
            NeedCriteria criteria = NeedsAnalytics.criteria(
                    criteriaFile.isBlank() ? null : Path.of(criteriaFile),
                    NeedsAnalytics.vocabulary(catalogue, connectors, agreements.get(), today));
            Areas areas = wardsFile.isBlank() ? Areas.postcodeDistricts() : Areas.wards(Path.of(wardsFile));
            DisclosureControl control = new DisclosureControl(
                    profileFile.isBlank() ? DisclosureProfile.DEFAULT : DisclosureProfile.read(Path.of(profileFile)));
            Map<String, Long> population = populationFile.isBlank()
                    ? Map.of()
                    : org.earlyhelp.hub.analytics.report.ScorecardWriter.population(Path.of(populationFile));
            return new Settings(
                    criteria,
                    areas,
                    control,
                    population,
                    criteriaFile.isBlank() ? "the shipped criteria" : "the council's criteria (" + criteriaFile + ")",
                    wardsFile.isBlank() ? "the postcode districts" : "the wards (" + wardsFile + ")");
        } catch (NeedCriteria.InvalidCriteria | IllegalArgumentException | IOException e) {
            throw new SettingsProblem(e.getMessage());
        }
    }

    /** As at today in the hub's clock (UTC), as the command line's default. */
    @GetMapping("/console/analytics")
    String needs(Model model) {
        LocalDate today = LocalDate.now(clock);
        Settings settings;
        try {
            settings = settings(today);
        } catch (SettingsProblem e) {
            model.addAttribute("problem", e.getMessage());
            return "console/analytics-problem";
        }
        NeedCriteria criteria = settings.criteria();
        DisclosureControl control = settings.control();
        NeedsAnalysis.Result result =
                analytics.analyse(criteria, settings.areas(), today, MONTHS, NeedsAnalytics.Progress.NONE);
        NeedsReportWriter.Published published = NeedsAnalytics.publish(result, criteria, control);
        Map<String, String> titles = new LinkedHashMap<>();
        criteria.outcomes().forEach(o -> titles.put(o.id(), o.title()));
        List<Table> tables = List.of(
                table(published.people(), "People with each need, by area", "Area", "People with any need", titles),
                table(
                        published.families(),
                        "Families by how many needs they have, by area",
                        "Area",
                        "Families with a need",
                        titles),
                table(published.trend(), "People with each need, by month", "Month", "People with any need", titles));
        List<Chart> charts = published.charts().stream()
                .map(c -> new Chart(
                        c.title(),
                        "data:image/svg+xml;base64,"
                                + Base64.getEncoder().encodeToString(c.svg().getBytes(StandardCharsets.UTF_8))))
                .toList();
        DisclosureProfile profile = control.profile();
        model.addAttribute("asAt", published.asAt());
        model.addAttribute("criteriaSource", settings.criteriaSource());
        model.addAttribute("areasSource", settings.areasSource());
        model.addAttribute("criteriaVersion", criteria.version());
        model.addAttribute(
                "outcomes", criteria.outcomes().stream().map(Outcome::title).toList());
        model.addAttribute("familyThreshold", criteria.familyThreshold());
        model.addAttribute("profile", profile);
        model.addAttribute("suppressed", ProtectedTable.SUPPRESSED);
        model.addAttribute("tables", tables);
        model.addAttribute("charts", charts);
        return "console/analytics";
    }

    /** What each scorecard measure is, as the page captions it. */
    static final Map<String, String> MEASURES = Map.ofEntries(
            Map.entry("early-help-children", "Children with an early help case open"),
            Map.entry("early-help-children-per-10000", "Children in early help per 10,000 under-18s"),
            Map.entry("re-referrals-12m", "Re-referrals to early help within 12 months of a case closing"),
            Map.entry("social-care-after-early-help", "Children stepped up to social care who had early help before"),
            Map.entry("step-ups", "Step-ups from early help to children's social care"),
            Map.entry("step-downs", "Step-downs from children's social care to early help"),
            Map.entry("enquiry-to-support", "Early help cases whose support started"),
            Map.entry("enquiry-to-support-median-days", "Median days from enquiry to support"),
            Map.entry("families-identified", "Families identified (at the criteria's number of needs)"),
            Map.entry("families-engaged", "Families identified with an early help case open"));

    /**
     * The scorecard by month and area, {@code from} to {@code to} (default: the last six months), after the same
     * disclosure control as {@code hub analytics scorecard}, whose CSVs these tables are cell for cell.
     */
    @GetMapping("/console/analytics/scorecard")
    String scorecard(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        java.time.YearMonth last;
        java.time.YearMonth first;
        try {
            last = to == null || to.isBlank() ? java.time.YearMonth.from(today) : java.time.YearMonth.parse(to);
            first = from == null || from.isBlank() ? last.minusMonths(5) : java.time.YearMonth.parse(from);
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("problem", "Give the months as YYYY-MM, for example 2026-06.");
            return "console/analytics-problem";
        }
        if (last.isBefore(first) || first.plusMonths(60).isBefore(last)) {
            model.addAttribute("problem", "The first month must come before the last, at most 60 months apart.");
            return "console/analytics-problem";
        }
        Settings settings;
        try {
            settings = settings(today);
        } catch (SettingsProblem e) {
            model.addAttribute("problem", e.getMessage());
            return "console/analytics-problem";
        }
        var result =
                analytics.scorecard(settings.criteria(), settings.areas(), first, last, NeedsAnalytics.Progress.NONE);
        List<Table> tables = new ArrayList<>();
        for (var sheet : org.earlyhelp.hub.analytics.report.ScorecardWriter.publish(
                result, settings.control(), settings.population())) {
            List<List<String>> rows = new ArrayList<>(sheet.rows());
            List<String> total = new ArrayList<>(rows.remove(rows.size() - 1));
            total.set(0, "Total");
            List<String> header = new ArrayList<>(sheet.header());
            header.set(0, "Area");
            if (header.get(header.size() - 1).equals("period")) {
                header.set(header.size() - 1, "Period");
            }
            tables.add(new Table(sheet.name(), MEASURES.getOrDefault(sheet.name(), sheet.name()), header, rows, total));
        }
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("criteriaSource", settings.criteriaSource());
        model.addAttribute("areasSource", settings.areasSource());
        model.addAttribute("population", !settings.population().isEmpty());
        model.addAttribute("profile", settings.control().profile());
        model.addAttribute("suppressed", ProtectedTable.SUPPRESSED);
        model.addAttribute("tables", tables);
        return "console/analytics-scorecard";
    }

    private static Table table(
            ProtectedTable t, String caption, String rowName, String totalName, Map<String, String> titles) {
        List<String> header = new ArrayList<>();
        header.add(rowName);
        t.columns().forEach(c -> header.add(titles.getOrDefault(c, c)));
        header.add(totalName);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= t.rows().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(i == t.rows().size() ? "Total" : t.rows().get(i));
            for (int j = 0; j <= t.columns().size(); j++) {
                row.add(ProtectedTable.text(t.published()[i][j]));
            }
            rows.add(row);
        }
        List<String> total = rows.remove(rows.size() - 1);
        return new Table(t.name(), caption, header, rows, total);
    }

    /** An analytics agreement as the export form offers it. */
    public record Licence(String id, String title, int version, boolean inForce, List<String> projects) {}

    @GetMapping("/console/analytics/export")
    String exportForm(Model model) {
        licences(model);
        return "console/analytics-export";
    }

    /**
     * The dataset as a zip of {@code dataset.csv} (or {@code dataset.parquet}), {@code data-dictionary.csv}, {@code about.txt} and, when pseudonyms
     * changed since the project's last export, {@code crosswalk.csv}; or the form again with the refusal. The files are
     * written to a temporary directory only to be zipped, and deleted at once.
     */
    @PostMapping("/console/analytics/export")
    String export(
            @RequestParam("agreement") String agreement,
            @RequestParam("project") String project,
            @RequestParam(name = "format", defaultValue = "csv") String format,
            Authentication authentication,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        licences(model);
        model.addAttribute("chosenAgreement", agreement);
        model.addAttribute("chosenProject", project);
        if (agreement.isBlank() || project.isBlank() || agreement.length() > MAX_NAME || project.length() > MAX_NAME) {
            model.addAttribute("problem", "Choose an analytics agreement and one of its projects.");
            return "console/analytics-export";
        }
        org.earlyhelp.hub.analytics.export.DatasetFormat fileFormat;
        try {
            fileFormat = org.earlyhelp.hub.analytics.export.DatasetFormat.of(format);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "Choose CSV or Parquet.");
            return "console/analytics-export";
        }
        ConsoleUser user = session.user(authentication);
        LocalDate today = LocalDate.now(clock);
        NeedCriteria criteria;
        try {
            criteria = criteria(today);
        } catch (SettingsProblem e) {
            model.addAttribute("problem", e.getMessage());
            return "console/analytics-export";
        }
        NeedsAnalytics.Export export;
        try {
            export = analytics.export(
                    release,
                    agreement.strip(),
                    project.strip(),
                    user.party(),
                    user.actor(),
                    criteria,
                    today,
                    NeedsAnalytics.Progress.NONE);
        } catch (DatasetRefused e) {
            model.addAttribute("refused", "Refused: " + e.getMessage() + ". The refusal is recorded in the ledger.");
            return "console/analytics-export";
        }
        ConsoleZip.download(
                response,
                "needs-dataset-" + fileSafe(export.released().project()) + "-" + today + ".zip",
                dir -> export.write(dir, user.username() + " (" + user.party() + ")", fileFormat));
        return null;
    }

    private static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9-]", "_");
    }

    private void licences(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Licence> licences = agreements.get().stream()
                .filter(a -> a.analytics() != null)
                .sorted(Comparator.comparing(Agreement::id))
                .map(a -> new Licence(
                        a.id(),
                        a.title(),
                        a.version(),
                        a.inForceOn(today),
                        a.analytics().projects()))
                .toList();
        model.addAttribute("licences", licences);
    }

    /** The council's criteria (or the shipped ones), knowing which record types the agreements in force keep. */
    private NeedCriteria criteria(LocalDate today) throws SettingsProblem {
        return settings(today).criteria();
    }
}

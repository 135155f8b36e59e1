package org.earlyhelp.hub.app.console;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.report.EvidencePack;
import org.earlyhelp.hub.analytics.report.EvidencePackWriter;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.app.analytics.NeedsAnalytics;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier;
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
 * The auditors' page (role AUDITOR): one family's evidence pack, as {@code hub analytics evidence} writes it, found by
 * a member's person id or by a person or family pseudonym of a project's export (the hub holds the key, so it can
 * follow a dataset row back; an analyst cannot). Each search is a QUERY in the ledger naming the auditor; the pack
 * shows on the page, print-ready, or downloads as a zip of its CSVs.
 */
@Controller
public class ConsoleEvidence {

    private static final Pattern PERSON_ID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final int MAX_NAME = 100;

    private final ConsoleSession session;
    private final AgreementCatalogue agreements;
    private final ConsoleAnalytics settings;
    private final NeedsAnalytics analytics;
    private final Pseudonymiser pseudonymiser;
    private final DisclosureLedger ledger;
    private final LedgerVerifier verifier;
    private final Clock clock;

    public ConsoleEvidence(
            ConsoleSession session,
            AgreementCatalogue agreements,
            ConsoleAnalytics settings,
            FieldCatalogue catalogue,
            DataSource dataSource,
            RecordCodec codec,
            Pseudonymiser pseudonymiser,
            DisclosureLedger ledger,
            LedgerVerifier verifier,
            Clock clock) {
        this.session = session;
        this.agreements = agreements;
        this.settings = settings;
        this.analytics = new NeedsAnalytics(dataSource, codec, catalogue);
        this.pseudonymiser = pseudonymiser;
        this.ledger = ledger;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** One table of the pack as the page shows it. */
    public record Section(String title, String id, List<String> header, List<List<String>> rows) {}

    @ModelAttribute("section")
    String section() {
        return "evidence";
    }

    @GetMapping("/console/evidence")
    String form(Model model) {
        licences(model);
        return "console/evidence";
    }

    /** The pack of the family named, or the form again with why not. */
    @PostMapping("/console/evidence")
    String pack(
            @RequestParam(name = "person", defaultValue = "") String person,
            @RequestParam(name = "pseudonym", defaultValue = "") String pseudonym,
            @RequestParam(name = "agreement", defaultValue = "") String agreement,
            @RequestParam(name = "project", defaultValue = "") String project,
            @RequestParam(name = "download", defaultValue = "") String download,
            Authentication authentication,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        licences(model);
        person = person.strip();
        pseudonym = pseudonym.strip();
        model.addAttribute("chosenAgreement", agreement);
        model.addAttribute("chosenProject", project);
        if (person.isEmpty() == pseudonym.isEmpty()) {
            model.addAttribute("problem", "Give a person id, or a pseudonym with its agreement and project.");
            return "console/evidence";
        }
        if (!person.isEmpty() && !PERSON_ID.matcher(person).matches()) {
            model.addAttribute("problem", "A person id is a UUID, as the person index and subject access give it.");
            return "console/evidence";
        }
        if (!pseudonym.isEmpty()
                && (agreement.isBlank()
                        || project.isBlank()
                        || pseudonym.length() > MAX_NAME
                        || agreement.length() > MAX_NAME
                        || project.length() > MAX_NAME)) {
            model.addAttribute("problem", "A pseudonym needs the agreement and project of the export it came from.");
            return "console/evidence";
        }
        LocalDate today = LocalDate.now(clock);
        NeedCriteria criteria;
        try {
            criteria = settings.settings(today).criteria();
        } catch (ConsoleAnalytics.SettingsProblem e) {
            model.addAttribute("problem", e.getMessage());
            return "console/evidence";
        }
        ConsoleUser user = session.user(authentication);
        String member = !person.isEmpty()
                ? person.toLowerCase(java.util.Locale.ROOT)
                : analytics
                        .memberOf(pseudonymiser, agreement.strip(), project.strip(), pseudonym)
                        .orElse(null);
        Optional<EvidencePack> pack = analytics.evidence(
                criteria, member, today, ledger, user.actor(), person.isEmpty() ? "pseudonym" : "person");
        if (pack.isEmpty()) {
            model.addAttribute(
                    "problem",
                    "No one in the person index has that "
                            + (person.isEmpty() ? "pseudonym under that agreement and project" : "id")
                            + ". The search is recorded in the ledger.");
            return "console/evidence";
        }
        LedgerVerifier.Result verified = verifier.verify();
        String check = verified.intact()
                ? "the chain verified intact when the pack was made (" + verified.checked() + " entries)"
                : "THE CHAIN DID NOT VERIFY when the pack was made: " + verified.why();
        if (download.equals("zip")) {
            zip(pack.get(), criteria, check, today, response);
            return null;
        }
        model.addAttribute("summary", EvidencePackWriter.summary(pack.get(), criteria));
        model.addAttribute("check", check);
        model.addAttribute("intact", verified.intact());
        model.addAttribute(
                "sections",
                List.of(
                        new Section("Needs", "needs", EvidencePackWriter.NEEDS, EvidencePackWriter.needs(pack.get())),
                        new Section(
                                "Evidence",
                                "evidence",
                                EvidencePackWriter.EVIDENCE,
                                EvidencePackWriter.evidence(pack.get())),
                        new Section(
                                "Ledger entries naming the evidence",
                                "ledger",
                                EvidencePackWriter.LEDGER,
                                EvidencePackWriter.ledger(pack.get()))));
        model.addAttribute("family", pack.get().familyId());
        model.addAttribute("asAt", today);
        return "console/evidence-pack";
    }

    private static void zip(
            EvidencePack pack,
            NeedCriteria criteria,
            String check,
            LocalDate today,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        ConsoleZip.download(
                response,
                "evidence-pack-" + pack.familyId() + "-" + today + ".zip",
                dir -> EvidencePackWriter.write(pack, criteria, check, dir));
    }

    private void licences(Model model) {
        model.addAttribute(
                "licences",
                agreements.get().stream()
                        .filter(a -> a.analytics() != null)
                        .sorted(Comparator.comparing(Agreement::id))
                        .map(a -> new ConsoleAnalytics.Licence(
                                a.id(),
                                a.title(),
                                a.version(),
                                a.inForceOn(LocalDate.now(clock)),
                                a.analytics().projects()))
                        .toList());
    }
}

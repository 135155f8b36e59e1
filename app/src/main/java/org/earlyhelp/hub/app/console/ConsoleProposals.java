package org.earlyhelp.hub.app.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.app.agreements.AgreementChanges;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.flow.WhatIf;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Proposing a change to an agreement from the console: paste or upload the file, see the lint and the what-if over
 * recorded traffic, approve it as one's own party (an approval is of the exact text), and put it in force when the lint
 * is clean; the hub then applies it without a restart, as for any change to the directory, ledgered with who did it.
 * A change of an agreement in force is a new version, and no one types an approval of the version proposed: each party
 * records its own here.
 */
@Controller
public class ConsoleProposals {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*([a-z][a-z0-9-]*)\\s*(#.*)?$");
    private static final int WHAT_IF_LIMIT = 20_000;

    private final ConsoleSession session;
    private final Proposals proposals;
    private final AgreementCatalogue catalogue;
    private final AgreementChanges changes;
    private final DisclosureLedger ledger;
    private final RecordStore store;
    private final RecordCodec codec;
    private final Pseudonymiser pseudonymiser;
    private final SubjectKey subjectKey;
    private final FieldCatalogue fields;
    private final Connectors connectors;
    private final Clock clock;

    public ConsoleProposals(
            ConsoleSession session,
            Proposals proposals,
            AgreementCatalogue catalogue,
            AgreementChanges changes,
            DisclosureLedger ledger,
            RecordStore store,
            RecordCodec codec,
            Pseudonymiser pseudonymiser,
            SubjectKey subjectKey,
            FieldCatalogue fields,
            Connectors connectors,
            Clock clock) {
        this.session = session;
        this.proposals = proposals;
        this.catalogue = catalogue;
        this.changes = changes;
        this.ledger = ledger;
        this.store = store;
        this.codec = codec;
        this.pseudonymiser = pseudonymiser;
        this.subjectKey = subjectKey;
        this.fields = fields;
        this.connectors = connectors;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "proposals";
    }

    @GetMapping("/console/proposals")
    String list(Model model) {
        model.addAttribute("open", proposals.open());
        model.addAttribute("recent", proposals.recent());
        model.addAttribute(
                "agreements",
                catalogue.get().stream().map(Agreement::id).sorted().toList());
        return "console/proposals";
    }

    @GetMapping("/console/proposals/new")
    String start(@RequestParam(value = "agreement", required = false) String agreementId, Model model)
            throws IOException {
        String text = "";
        if (agreementId != null && agreementId.matches("[a-z][a-z0-9-]*")) {
            Path file = catalogue.dir().resolve(agreementId + ".yaml");
            if (Files.isRegularFile(file)) {
                text = Files.readString(file);
            }
        }
        model.addAttribute("yaml", text);
        model.addAttribute("agreementId", agreementId);
        return "console/proposal-new";
    }

    @PostMapping("/console/proposals")
    String create(@RequestParam("yaml") String yaml, Authentication authentication, RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        Matcher m = ID.matcher(yaml);
        if (yaml.isBlank() || yaml.length() > 200_000 || !m.find()) {
            redirect.addFlashAttribute(
                    "problem",
                    "The text must be an agreement file (under 200 kB) with an 'id:' line at the start of a line.");
            return "redirect:/console/proposals/new";
        }
        String id = m.group(1);
        Proposals.Proposal p = proposals.create(id + ".yaml", id, normalise(yaml), user.actor());
        ledger.append(List.of(event(p, "proposed", user, Map.of())));
        return "redirect:/console/proposals/" + p.id();
    }

    @GetMapping("/console/proposals/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(value = "from", required = false) String from,
            @RequestParam(value = "to", required = false) String to,
            Model model) {
        Proposals.Proposal p = proposals.find(id).orElse(null);
        if (p == null) {
            model.addAttribute("problem", "No such proposal.");
            return list(model);
        }
        List<Proposals.Approval> approvals = proposals.approvals(p);
        String applied = withApprovals(p.yaml(), approvals, versionOf(p));
        AgreementCatalogue.Trial trial = catalogue.trial(p.fileName(), applied);
        List<String> rules = rules(p, trial);
        Agreement proposed = trial.clean() ? find(trial.agreements(), p.agreementId()) : null;
        model.addAttribute("p", p);
        // the proposal's own file: the others are in force already, and their warnings are not this proposal's
        model.addAttribute(
                "problems",
                trial.problems().stream()
                        .filter(x -> x.file().toString().equals(p.fileName()))
                        .toList());
        model.addAttribute("errors", trial.problems().stream().anyMatch(LintProblem::isError) || !rules.isEmpty());
        model.addAttribute("rules", rules);
        model.addAttribute("approvals", approvals);
        model.addAttribute("awaiting", proposed == null ? List.of() : proposed.unapprovedParties());
        model.addAttribute("proposed", proposed);
        model.addAttribute("inForce", find(catalogue.get(), p.agreementId()));
        model.addAttribute("diff", diffAgainstInForce(p));
        boolean mayApprove = proposed != null
                && proposed.governance() != null
                && proposed.governance().parties().stream()
                        .anyMatch(x -> x.partner().equals(((ConsoleUser) model.getAttribute("user")).party()))
                && approvals.stream()
                        .noneMatch(a -> a.party().equals(((ConsoleUser) model.getAttribute("user")).party()));
        model.addAttribute("mayApprove", mayApprove && "OPEN".equals(p.status()));
        LocalDate today = LocalDate.now(clock.withZone(UK));
        model.addAttribute("from", from == null ? today.minusDays(30).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        if (from != null && to != null && trial.clean()) {
            try {
                LocalDate f = LocalDate.parse(from);
                LocalDate t = LocalDate.parse(to);
                if (t.isBefore(f)) {
                    model.addAttribute("problem", "The period ends before it starts.");
                } else {
                    model.addAttribute("whatIf", whatIf(asIfApproved(p, proposed), f, t, today));
                }
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("problem", "Dates are YYYY-MM-DD.");
            }
        }
        return "console/proposal";
    }

    @PostMapping("/console/proposals/{id}/edit")
    String edit(
            @PathVariable UUID id,
            @RequestParam("yaml") String yaml,
            Authentication authentication,
            RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        Proposals.Proposal p = proposals.find(id).orElseThrow();
        Matcher m = ID.matcher(yaml);
        if (!m.find() || !m.group(1).equals(p.agreementId())) {
            redirect.addFlashAttribute("problem", "An edit keeps the agreement's id (" + p.agreementId() + ").");
            return "redirect:/console/proposals/" + id;
        }
        proposals.edit(id, normalise(yaml));
        ledger.append(List.of(event(proposals.find(id).orElseThrow(), "proposal-edited", user, Map.of())));
        redirect.addFlashAttribute("flash", "Saved. Approvals of the earlier text no longer count.");
        return "redirect:/console/proposals/" + id;
    }

    @PostMapping("/console/proposals/{id}/approve")
    String approve(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        Proposals.Proposal p = proposals.find(id).orElseThrow();
        if (!"OPEN".equals(p.status())) {
            redirect.addFlashAttribute("problem", "This proposal is closed.");
            return "redirect:/console/proposals/" + id;
        }
        AgreementCatalogue.Trial trial = catalogue.trial(p.fileName(), p.yaml());
        Agreement proposed = trial.clean() ? find(trial.agreements(), p.agreementId()) : null;
        if (proposed == null
                || proposed.governance() == null
                || proposed.governance().parties().stream()
                        .noneMatch(x -> x.partner().equals(user.party()))) {
            redirect.addFlashAttribute("problem", "Only a party to a proposal with a clean lint may approve it.");
            return "redirect:/console/proposals/" + id;
        }
        proposals.approve(id, user, p.digest());
        ledger.append(List.of(event(p, "approved", user, Map.of("party", user.party()))));
        redirect.addFlashAttribute("flash", "Approved for " + user.party() + ".");
        return "redirect:/console/proposals/" + id;
    }

    @PostMapping("/console/proposals/{id}/apply")
    String apply(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) throws IOException {
        ConsoleUser user = session.user(authentication);
        Proposals.Proposal p = proposals.find(id).orElseThrow();
        String text = withApprovals(p.yaml(), proposals.approvals(p), versionOf(p));
        AgreementCatalogue.Trial trial = catalogue.trial(p.fileName(), text);
        List<String> rules = rules(p, trial);
        if (!trial.clean() || !rules.isEmpty()) {
            redirect.addFlashAttribute("problem", "Not put in force: the lint or the console's rules found a problem.");
            return "redirect:/console/proposals/" + id;
        }
        if (!proposals.close(id, "APPLIED", user.actor())) {
            redirect.addFlashAttribute("problem", "This proposal is already closed.");
            return "redirect:/console/proposals/" + id;
        }
        Path file = catalogue.dir().resolve(p.fileName());
        Optional<String> before = Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        Path tmp = catalogue.dir().resolve("." + p.fileName() + ".proposal");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<LintProblem> refused = changes.reload(user.actor());
        if (!refused.isEmpty()) {
            // something else in the directory changed meanwhile: put the file back as it was
            if (before.isPresent()) {
                Files.writeString(file, before.get());
            } else {
                Files.delete(file);
            }
            changes.reload(user.actor());
            redirect.addFlashAttribute("problem", "Not put in force: " + refused.get(0));
            return "redirect:/console/proposals/" + id;
        }
        Agreement now = find(catalogue.get(), p.agreementId());
        LocalDate today = LocalDate.now(clock.withZone(UK));
        redirect.addFlashAttribute(
                "flash",
                "Version " + (now == null ? "?" : now.version()) + " of " + p.agreementId() + " is loaded"
                        + (now != null && now.inForceOn(today)
                                ? " and in force."
                                : now == null
                                        ? "."
                                        : ", not in force yet: awaiting " + String.join(", ", now.unapprovedParties())
                                                + "."));
        return "redirect:/console/agreements/" + p.agreementId();
    }

    @PostMapping("/console/proposals/{id}/withdraw")
    String withdraw(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        Proposals.Proposal p = proposals.find(id).orElseThrow();
        if (proposals.close(id, "WITHDRAWN", user.actor())) {
            ledger.append(List.of(event(p, "proposal-withdrawn", user, Map.of())));
            redirect.addFlashAttribute("flash", "Withdrawn.");
        }
        return "redirect:/console/proposals";
    }

    /** The console's rules beyond the lint: a change is a new version; approvals of it are recorded here, not typed. */
    List<String> rules(Proposals.Proposal p, AgreementCatalogue.Trial trial) {
        List<String> out = new ArrayList<>();
        Agreement inForce = find(catalogue.get(), p.agreementId());
        Optional<Integer> version = versionOf(p);
        if (inForce != null && version.isPresent()) {
            String current = currentText(p).orElse("");
            if (!normalise(current).equals(p.yaml()) && version.get() <= inForce.version()) {
                out.add("a change to an agreement in force is a new version: set 'version: " + (inForce.version() + 1)
                        + "'");
            }
        }
        if (version.isPresent()
                && Pattern.compile("(?m)^\\s*-\\s*\\{[^}]*\\bversion:\\s*" + version.get() + "\\s*}")
                        .matcher(p.yaml())
                        .find()
                && (inForce == null || inForce.version() != version.get())) {
            out.add("the text carries an approval of version " + version.get() + ": each party records its approval"
                    + " here instead, so remove it from the text");
        }
        return out;
    }

    /** The set the hub would enforce once every party of the proposal had approved this text. */
    private List<Agreement> asIfApproved(Proposals.Proposal p, Agreement proposed) {
        List<Proposals.Approval> everyone = new ArrayList<>();
        if (proposed.governance() != null) {
            proposed.governance()
                    .parties()
                    .forEach(x -> everyone.add(
                            new Proposals.Approval(x.partner(), "what-if", "what-if", p.digest(), clock.instant())));
        }
        AgreementCatalogue.Trial trial = catalogue.trial(p.fileName(), withApprovals(p.yaml(), everyone, versionOf(p)));
        return trial.clean() ? trial.agreements() : catalogue.get();
    }

    WhatIf.Report whatIf(List<Agreement> proposedSet, LocalDate from, LocalDate to, LocalDate today) {
        List<HubRecord> records = new ArrayList<>();
        for (byte[] body : store.receivedBetween(
                from.atStartOfDay(UK).toInstant(),
                to.plusDays(1).atStartOfDay(UK).toInstant(),
                WHAT_IF_LIMIT)) {
            try {
                records.add(codec.decodeRecord(body));
            } catch (RuntimeException e) {
                // counted as unreadable below by not being planned; a stored record always decodes in practice
            }
        }
        return WhatIf.compare(planning(catalogue.get()), planning(proposedSet), records, today);
    }

    private GovernanceService planning(List<Agreement> agreements) {
        return new GovernanceService(
                new PolicyDecisionPoint(agreements),
                new Minimiser(pseudonymiser),
                subjectKey,
                fields,
                connectors.addressing());
    }

    /** The text with the console's approvals of it written into governance.approvals. */
    static String withApprovals(String yaml, List<Proposals.Approval> approvals, Optional<Integer> version) {
        if (approvals.isEmpty() || version.isEmpty()) {
            return yaml;
        }
        StringBuilder items = new StringBuilder();
        for (Proposals.Approval a : approvals) {
            items.append("    - { party: ")
                    .append(a.party())
                    .append(", by: \"")
                    .append(a.displayName().replace("\"", "'"))
                    .append("\", role: \"approved in the console as ")
                    .append(a.username())
                    .append("\", date: ")
                    .append(a.at().atZone(UK).toLocalDate())
                    .append(", version: ")
                    .append(version.get())
                    .append(" }\n");
        }
        String text = yaml.replaceAll("(?m)^  approvals:\\s*\\[\\s*]\\s*$", "  approvals:");
        Matcher approvalsLine =
                Pattern.compile("(?m)^  approvals:\\s*(#.*)?\\n").matcher(text);
        if (approvalsLine.find()) {
            return text.substring(0, approvalsLine.end()) + items + text.substring(approvalsLine.end());
        }
        Matcher governance = Pattern.compile("(?m)^governance:\\s*(#.*)?\\n").matcher(text);
        if (governance.find()) {
            return text.substring(0, governance.end()) + "  approvals:\n" + items + text.substring(governance.end());
        }
        return yaml; // no governance block: the lint says so, and there is nowhere to record an approval
    }

    private static Optional<Integer> versionOf(Proposals.Proposal p) {
        Matcher m = Pattern.compile("(?m)^version:\\s*(\\d+)").matcher(p.yaml());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private Optional<String> currentText(Proposals.Proposal p) {
        Path file = catalogue.dir().resolve(p.fileName());
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String diffAgainstInForce(Proposals.Proposal p) {
        return AgreementChanges.diff(p.fileName(), currentText(p).orElse(null), p.yaml());
    }

    private static Agreement find(List<Agreement> agreements, String id) {
        return agreements.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private static String normalise(String yaml) {
        String text = yaml.replace("\r\n", "\n");
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static LedgerDraft event(Proposals.Proposal p, String change, ConsoleUser user, Map<String, String> more) {
        Map<String, String> d = new LinkedHashMap<>(more);
        d.put("change", change);
        d.put("file", p.fileName());
        d.put("proposal", p.id().toString());
        d.put("digest", p.digest());
        return new LedgerDraft(
                "proposal:" + p.id() + ":" + change + ":" + user.party() + ":" + p.digest(),
                null,
                null,
                null,
                null,
                null,
                p.agreementId(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                EntryType.AGREEMENT_CHANGE,
                user.actor(),
                d);
    }
}

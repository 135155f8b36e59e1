package org.earlyhelp.hub.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.app.review.DisclosureReviewService;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.flow.ReleaseRefused;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.governance.review.ReviewClosed;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms;
import org.earlyhelp.hub.matching.index.IndexException;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.index.ReviewDecision;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages for the agreements, the review queues and the overrides. Each action goes through the same
 * classes as the API (the review service, the person index) with the signed-in user as the actor, so the ledger names
 * who did it.
 */
@Controller
public class ConsolePages {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ConsoleSession session;
    private final AgreementCatalogue catalogue;
    private final DisclosureLedger ledger;
    private final DisclosureReviews reviews;
    private final DisclosureReviewService reviewService;
    private final SafeguardingOverrides overrides;
    private final PersonIndex index;
    private final Clock clock;
    private final boolean demo;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final org.earlyhelp.hub.app.feeds.NotificationDeadlines deadlines;
    private final org.earlyhelp.hub.app.corrections.SplitDisclosures splits;
    private final org.earlyhelp.hub.governance.agreement.Adherences adherences;
    private final org.springframework.beans.factory.ObjectProvider<
                    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
            registrations;

    public ConsolePages(
            ConsoleSession session,
            AgreementCatalogue catalogue,
            DisclosureLedger ledger,
            DisclosureReviews reviews,
            DisclosureReviewService reviewService,
            SafeguardingOverrides overrides,
            PersonIndex index,
            Clock clock,
            org.earlyhelp.hub.app.config.HubProperties hub,
            io.micrometer.core.instrument.MeterRegistry meters,
            org.earlyhelp.hub.app.feeds.NotificationDeadlines deadlines,
            org.earlyhelp.hub.app.corrections.SplitDisclosures splits,
            org.earlyhelp.hub.governance.agreement.Adherences adherences,
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
                    registrations) {
        this.registrations = registrations;
        this.splits = splits;
        this.adherences = adherences;
        this.meters = meters;
        this.deadlines = deadlines;
        this.session = session;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.reviews = reviews;
        this.reviewService = reviewService;
        this.overrides = overrides;
        this.index = index;
        this.clock = clock;
        this.demo = hub.embedded().enabled();
    }

    @GetMapping("/console/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        String registration = oidcRegistration();
        model.addAttribute("oidc", registration != null);
        model.addAttribute("oidcLink", ConsoleSecurity.OIDC_AUTHORIZATION + "/" + registration);
        return "console/login";
    }

    /** The first OpenID Connect client registration configured, or null for local sign-in only. */
    private String oidcRegistration() {
        org.springframework.security.oauth2.client.registration.ClientRegistrationRepository repo =
                registrations.getIfAvailable();
        if (repo instanceof Iterable<?> all) {
            for (Object r : all) {
                return ((org.springframework.security.oauth2.client.registration.ClientRegistration) r)
                        .getRegistrationId();
            }
        }
        return null;
    }

    @GetMapping("/console")
    String home(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<Agreement> all = catalogue.get();
        model.addAttribute("section", "home");
        model.addAttribute("agreements", all.size());
        model.addAttribute(
                "inForce", all.stream().filter(a -> a.inForceOn(today)).count());
        model.addAttribute("openReviews", reviews.openCount());
        model.addAttribute("openMatches", index.openReviewCount());
        model.addAttribute(
                "overrides",
                overrides.since(clock.instant().minus(Duration.ofDays(30))).size());
        return "console/home";
    }

    /** One agreement's row in the console's list. */
    public record AgreementRow(
            String id,
            String title,
            int version,
            String status,
            boolean inForce,
            List<String> parties,
            List<String> approvals,
            List<String> awaiting,
            List<String> adheringParties) {}

    @GetMapping("/console/agreements")
    String agreements(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<AgreementRow> rows = catalogue.get().stream()
                .sorted(Comparator.comparing(Agreement::id))
                .map(a -> row(a, today))
                .toList();
        model.addAttribute("section", "agreements");
        model.addAttribute("rows", rows);
        model.addAttribute("adherences", adherences.counts());
        return "console/agreements";
    }

    static AgreementRow row(Agreement a, LocalDate today) {
        List<String> parties = new ArrayList<>();
        List<String> approvals = new ArrayList<>();
        if (a.governance() != null) {
            a.governance().parties().forEach(p -> parties.add(p.partner() + " (" + p.role() + ")"));
            a.governance()
                    .approvals()
                    .forEach(x ->
                            approvals.add(x.party() + ": " + x.by() + ", " + x.date() + ", version " + x.version()));
        }
        return new AgreementRow(
                a.id(),
                a.title(),
                a.version(),
                a.status().yamlName(),
                a.inForceOn(today),
                parties,
                approvals,
                a.unapprovedParties(),
                a.adheringParties());
    }

    /** One change of an agreement, as the ledger holds it. */
    public record Change(
            long seq, Instant at, String actor, String change, String version, String status, String diff) {}

    @GetMapping("/console/agreements/{id}")
    String agreement(@PathVariable String id, Model model) {
        Agreement a = catalogue.get().stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElse(null);
        List<Change> changes = new ArrayList<>();
        for (LedgerEntry e : ledger.events(EntryType.AGREEMENT_CHANGE, Instant.EPOCH)) {
            if (id.equals(e.agreementId())) {
                changes.add(new Change(
                        e.seq(),
                        e.decidedAt(),
                        e.actor(),
                        e.details().getOrDefault("change", ""),
                        e.details().getOrDefault("version", ""),
                        e.details().getOrDefault("status", ""),
                        e.details().getOrDefault("diff", "")));
            }
        }
        if (a == null && changes.isEmpty()) {
            model.addAttribute("section", "agreements");
            model.addAttribute("problem", "No agreement of that id is loaded or recorded.");
            model.addAttribute("rows", List.of());
            return "console/agreements";
        }
        java.util.Collections.reverse(changes);
        model.addAttribute("section", "agreements");
        model.addAttribute("id", id);
        model.addAttribute("row", a == null ? null : row(a, LocalDate.now(clock.withZone(UK))));
        model.addAttribute("changes", changes);
        return "console/agreement";
    }

    @GetMapping("/console/reviews")
    String reviews(@RequestParam(value = "status", defaultValue = "open") String status, Model model) {
        ReviewItem.Status s =
                switch (status) {
                    case "released" -> ReviewItem.Status.RELEASED;
                    case "refused" -> ReviewItem.Status.REFUSED;
                    default -> ReviewItem.Status.OPEN;
                };
        model.addAttribute("section", "reviews");
        model.addAttribute("status", s.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("items", reviews.list(s, 200));
        model.addAttribute("open", reviews.openCount());
        Map<String, String> refusals = new LinkedHashMap<>();
        GovernanceTerms terms = GovernanceTerms.shipped();
        for (String code : terms.codes(GovernanceTerms.Kind.REVIEW_REFUSAL)) {
            refusals.put(
                    code, terms.title(GovernanceTerms.Kind.REVIEW_REFUSAL, code).orElse(code));
        }
        model.addAttribute("refusals", refusals);
        return "console/reviews";
    }

    @PostMapping("/console/reviews/{key}/release")
    String release(
            @PathVariable String key,
            @RequestParam(value = "recipientAddress", required = false) String address,
            Authentication authentication,
            RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        try {
            reviewService.release(key, user.actor(), address == null || address.isBlank() ? null : address.strip());
            redirect.addFlashAttribute("flash", "Released and sent: " + key);
        } catch (ReleaseRefused | DisclosureReviewService.Unresolvable | ReviewClosed | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Not released: " + e.getMessage());
        }
        return "redirect:/console/reviews";
    }

    @PostMapping("/console/reviews/{key}/refuse")
    String refuse(
            @PathVariable String key,
            @RequestParam("reason") String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        try {
            reviewService.refuse(key, user.actor(), reason);
            redirect.addFlashAttribute("flash", "Refused: " + key);
        } catch (ReviewClosed | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Not refused: " + e.getMessage());
        }
        return "redirect:/console/reviews";
    }

    /** One partner's feed: records by outcome since this instance started, and how long since it was last heard. */
    public record Feed(String partner, Map<String, Long> counts, String lastContact) {}

    @GetMapping("/console/feeds")
    String feeds(Model model) {
        Map<String, Map<String, Long>> table = new java.util.TreeMap<>();
        for (io.micrometer.core.instrument.Counter c :
                meters.find("hub.records").counters()) {
            table.computeIfAbsent(c.getId().getTag("partner"), p -> new java.util.TreeMap<>())
                    .merge(c.getId().getTag("outcome"), (long) c.count(), Long::sum);
        }
        Map<String, Double> ages = new java.util.TreeMap<>();
        for (io.micrometer.core.instrument.Gauge g :
                meters.find("hub.partner.last.contact.age").gauges()) {
            ages.put(g.getId().getTag("partner"), g.value());
        }
        java.util.Set<String> partners = new java.util.TreeSet<>(table.keySet());
        partners.addAll(ages.keySet());
        List<Feed> feeds = new ArrayList<>();
        for (String partner : partners) {
            Double age = ages.get(partner);
            feeds.add(new Feed(
                    partner,
                    table.getOrDefault(partner, Map.of()),
                    age == null || age < 0
                            ? "never, since this instance started"
                            : String.format(java.util.Locale.ROOT, "%.0f seconds ago", age)));
        }
        model.addAttribute("section", "feeds");
        model.addAttribute("feeds", feeds);
        model.addAttribute("deadlines", deadlines.report(7));
        model.addAttribute("statuses", org.earlyhelp.hub.app.feeds.NotificationDeadlines.Status.values());
        model.addAttribute(
                "outcomes",
                List.of("received", "rejected", "permitted", "denied", "review", "delivered", "dead-lettered"));
        return "console/feeds";
    }

    @GetMapping("/console/overrides")
    String overrides(Model model) {
        model.addAttribute("section", "overrides");
        model.addAttribute("overrides", overrides.since(clock.instant().minus(Duration.ofDays(90))));
        model.addAttribute("withheld", ledger.withheldSince(clock.instant().minus(Duration.ofDays(90))));
        return "console/overrides";
    }

    /** A clerical review of the matcher: the two records side by side and what each comparison contributed. */
    public record MatchReview(
            long reviewId, double weight, double probability, List<String[]> fields, List<String[]> contributions) {}

    @GetMapping("/console/matching")
    String matching(Model model) {
        List<MatchReview> out = new ArrayList<>();
        for (org.earlyhelp.hub.matching.index.ReviewItem item : index.openReviews(50)) {
            var a = index.record(item.recordKey()).map(r -> r.record()).orElse(null);
            var b = index.record(item.candidateRecordKey()).map(r -> r.record()).orElse(null);
            if (a == null || b == null) {
                continue;
            }
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"Source", a.source(), b.source()});
            fields.add(new String[] {"Forename", a.forename(), b.forename()});
            fields.add(new String[] {"Surname", a.surname(), b.surname()});
            fields.add(
                    new String[] {"Date of birth", String.valueOf(a.dateOfBirth()), String.valueOf(b.dateOfBirth())});
            fields.add(new String[] {"Sex", a.sex(), b.sex()});
            fields.add(new String[] {"Postcode", a.postcode(), b.postcode()});
            fields.add(new String[] {"NHS number", a.nhsNumber(), b.nhsNumber()});
            out.add(new MatchReview(
                    item.reviewId(),
                    item.matchWeight(),
                    item.matchProbability(),
                    fields,
                    contributions(item.explanationJson())));
        }
        model.addAttribute("section", "matching");
        model.addAttribute("items", out);
        model.addAttribute("open", index.openReviewCount());
        model.addAttribute("splits", splits.since(90));
        return "console/matching";
    }

    @PostMapping("/console/matching/{reviewId}")
    String decideMatch(
            @PathVariable long reviewId,
            @RequestParam("decision") ReviewDecision decision,
            Authentication authentication,
            RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        try {
            index.decide(reviewId, decision, user.actor());
            redirect.addFlashAttribute(
                    "flash",
                    decision == ReviewDecision.SAME_PERSON
                            ? "Recorded: the same person"
                            : "Recorded: different people");
        } catch (IndexException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/matching";
    }

    private static List<String[]> contributions(String explanationJson) {
        List<String[]> out = new ArrayList<>();
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(explanationJson);
            for (var c : json.path("comparisons")) {
                out.add(new String[] {
                    c.path("comparison").asText(),
                    c.path("level").asText(),
                    c.path("weight").asText()
                });
            }
        } catch (java.io.IOException | RuntimeException e) {
            out.add(new String[] {"(explanation unreadable)", "", ""});
        }
        return out;
    }
}

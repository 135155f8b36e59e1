package org.earlyhelp.hub.governance.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.vocabulary.LegalGateway;
import org.earlyhelp.hub.governance.vocabulary.LegalGateways;

/**
 * Checks a whole agreements directory, as the build does: each file loads strictly, names only known partners,
 * purposes (also those a pull names), payload types, fields and relationship kinds, and has a lawful basis; ids are
 * unique; review dates are not overdue. Reports every problem in every file rather than stopping at the first. Errors
 * fail the lint; warnings do not.
 */
public final class AgreementLint {

    private AgreementLint() {}

    public static List<LintProblem> lint(Path dir, FieldCatalogue catalogue, ConnectorFacts connectors) {
        return lint(dir, catalogue, connectors, LocalDate.now());
    }

    /** As {@link #lint(Path, FieldCatalogue, ConnectorFacts)}, judging review and expiry dates against {@code today}. */
    public static List<LintProblem> lint(
            Path dir, FieldCatalogue catalogue, ConnectorFacts connectors, LocalDate today) {
        if (!Files.isDirectory(dir)) {
            return List.of(LintProblem.error(dir, 1, "agreements directory does not exist"));
        }
        List<LintProblem> problems = new ArrayList<>();
        PartnerRegistry registry = null;
        try {
            registry = AgreementLoader.loadRegistry(dir);
        } catch (AgreementException e) {
            problems.addAll(e.problems());
        }
        Map<String, Path> ids = new HashMap<>();
        for (Path file : AgreementLoader.agreementFiles(dir)) {
            AgreementLoader.Loaded loaded = AgreementLoader.read(file);
            problems.addAll(loaded.problems());
            Agreement a = loaded.agreement();
            if (a == null) {
                continue;
            }
            YamlDocument doc = loaded.doc();
            if (registry != null) {
                checkRegistry(a, registry, doc, problems);
            }
            checkFields(a, catalogue, doc, problems);
            checkConnectors(a, connectors, registry, doc, problems);
            checkDates(a, today, doc, problems);
            checkGateways(a, doc, problems);
            GovernanceLint.check(a, registry, doc, problems);
            if (a.lawfulBasis().article9() == null) {
                problems.add(doc.warning(
                        "/lawful-basis",
                        "no article-9 condition: add one if the flow includes"
                                + " special category or criminal-offence data"));
            }
            Path first = ids.putIfAbsent(a.id(), file);
            if (first != null) {
                problems.add(doc.error("/id", "id '" + a.id() + "' is also used by " + first.getFileName()));
            }
        }
        problems.sort(Comparator.comparing(LintProblem::file).thenComparingInt(LintProblem::line));
        return problems;
    }

    private static void checkRegistry(Agreement a, PartnerRegistry registry, YamlDocument doc, List<LintProblem> out) {
        if (!registry.partners().contains(a.provider())) {
            out.add(doc.error("/provider", unknown("partner", a.provider())));
        }
        for (int i = 0; i < a.recipients().size(); i++) {
            String recipient = a.recipients().get(i);
            if (!registry.partners().contains(recipient)) {
                out.add(doc.error("/recipients/" + i, unknown("partner", recipient)));
            }
        }
        if (!registry.purposes().contains(a.purpose())) {
            out.add(doc.error("/purpose", unknown("purpose", a.purpose())));
        }
        if (a.consentCollector() != null && !registry.partners().contains(a.consentCollector())) {
            out.add(doc.error("/consent/collector", unknown("partner", a.consentCollector())));
        }
        if (a.pull() != null) {
            checkPull(a, registry, doc, out);
        }
    }

    /** Every pull purpose is a registered purpose; every relationship kind is one some recipient can hold. */
    private static void checkPull(Agreement a, PartnerRegistry registry, YamlDocument doc, List<LintProblem> out) {
        List<String> purposes = a.pull().purposes();
        for (int i = 0; i < purposes.size(); i++) {
            if (!registry.purposes().contains(purposes.get(i))) {
                out.add(doc.error("/pull/purposes/" + i, unknown("purpose", purposes.get(i))));
            }
        }
        List<String> kinds = a.pull().relationships();
        for (int i = 0; i < kinds.size(); i++) {
            String name = kinds.get(i);
            Optional<RelationshipKind> kind = RelationshipKind.fromYaml(name).filter(RelationshipKind::licensesPull);
            if (kind.isEmpty()) {
                out.add(doc.error("/pull/relationships/" + i, "unknown relationship kind '" + name + "'"));
            }
        }
    }

    /**
     * An agreement the connectors could never carry out is an error: a {@code deliver:} to a partner no connector
     * delivers to, a record type no connector brings in from the provider, a relationship no connector establishes.
     */
    private static void checkConnectors(
            Agreement a, ConnectorFacts c, PartnerRegistry registry, YamlDocument doc, List<LintProblem> out) {
        if (a.notifies()) {
            for (int i = 0; i < a.recipients().size(); i++) {
                String recipient = a.recipients().get(i);
                boolean registered = registry == null || registry.partners().contains(recipient);
                if (registered && !c.delivering().contains(recipient)) {
                    out.add(doc.error(
                            "/recipients/" + i,
                            "no outbound connector delivers to '" + recipient + "': a deliver: agreement to it would"
                                    + " publish to a topic nobody reads (connectors that deliver: "
                                    + new java.util.TreeSet<>(c.delivering()) + ")"));
                }
            }
        }
        Set<String> providers = c.providersOfType().get(a.appliesTo().type());
        if (providers != null && !providers.contains(a.provider())) {
            out.add(doc.error(
                    "/provider",
                    "no connector brings in '" + a.appliesTo().type() + "' records from '" + a.provider()
                            + "' (they come from " + new java.util.TreeSet<>(providers) + ")"));
        }
        if (a.pull() != null) {
            List<String> kinds = a.pull().relationships();
            for (int i = 0; i < kinds.size(); i++) {
                Optional<RelationshipKind> kind =
                        RelationshipKind.fromYaml(kinds.get(i)).filter(RelationshipKind::licensesPull);
                if (kind.isEmpty()) {
                    continue;
                }
                Set<String> holders = c.holdersOf(kind.get());
                if (holders.isEmpty()) {
                    out.add(doc.error(
                            "/pull/relationships/" + i,
                            "no connector's records establish a '" + kinds.get(i) + "' relationship yet"));
                } else if (a.recipients().stream().noneMatch(holders::contains)) {
                    out.add(doc.error(
                            "/pull/relationships/" + i,
                            "no recipient can hold a '" + kinds.get(i) + "' relationship (held by "
                                    + new java.util.TreeSet<>(holders) + ")"));
                }
            }
        }
    }

    /**
     * Every legal gateway a query gives as a reason is in the vocabulary (an error otherwise: a request could never
     * cite it); a lawful basis's gateway outside it, or one awaiting commencement, is a warning.
     */
    private static void checkGateways(Agreement a, YamlDocument doc, List<LintProblem> out) {
        LegalGateways gateways = LegalGateways.shipped();
        List<String> cited = a.lawfulBasis().gateways();
        for (int i = 0; i < cited.size(); i++) {
            Optional<LegalGateway> g = gateways.byCode(cited.get(i));
            if (g.isEmpty()) {
                out.add(doc.warning(
                        "/lawful-basis/gateways/" + i,
                        "'" + cited.get(i) + "' is not in the legal gateways vocabulary (legal-gateways.yaml)"));
            } else if (!g.get().inForce()) {
                out.add(doc.warning("/lawful-basis/gateways/" + i, "'" + cited.get(i) + "' is awaiting commencement"));
            }
        }
        if (a.query() == null) {
            return;
        }
        List<String> reasons = a.query().reasons();
        for (int i = 0; i < reasons.size(); i++) {
            Optional<LegalGateway> g = gateways.byCode(reasons.get(i));
            if (g.isEmpty()) {
                out.add(doc.error(
                        "/query/reasons/" + i,
                        "unknown legal gateway '" + reasons.get(i) + "': known are "
                                + gateways.all().stream()
                                        .map(LegalGateway::code)
                                        .toList()));
            } else if (!g.get().inForce()) {
                out.add(doc.warning(
                        "/query/reasons/" + i,
                        "'" + reasons.get(i) + "' is awaiting commencement: no request can rest on it yet"));
            }
        }
    }

    private static String unknown(String what, String name) {
        return "unknown " + what + " '" + name + "': add it to " + AgreementLoader.REGISTRY_FILE + " or correct it";
    }

    private static void checkFields(Agreement a, FieldCatalogue catalogue, YamlDocument doc, List<LintProblem> out) {
        String type = a.appliesTo().type();
        if (!catalogue.types().contains(type)) {
            out.add(doc.error(
                    "/applies-to/type", "unknown payload type '" + type + "': known types are " + catalogue.types()));
            return;
        }
        Set<String> known = catalogue.fieldsFor(type);
        for (String field : a.fields().keySet()) {
            if (!known.contains(field)) {
                String hint = Nearest.among(field, known)
                        .map(n -> ": did you mean '" + n + "'?")
                        .orElse("");
                out.add(doc.error(
                        YamlDocument.pointer("/fields", field), "unknown field '" + field + "' for " + type + hint));
            }
        }
    }

    private static void checkDates(Agreement a, LocalDate today, YamlDocument doc, List<LintProblem> out) {
        Agreement.Validity valid = a.valid();
        if (valid.review() != null && valid.review().isBefore(today)) {
            out.add(doc.warning("/valid/review", "review was due on " + valid.review()));
        }
        if (a.status() == AgreementStatus.APPROVED && valid.until().isBefore(today)) {
            out.add(doc.warning(
                    "/valid/until",
                    "approved but expired on " + valid.until() + ": renew it or set status to expired"));
        }
    }

    /** Suggests the known name closest by edit distance, when it is close enough to be a likely typo. */
    static final class Nearest {

        private Nearest() {}

        static Optional<String> among(String name, Set<String> known) {
            int limit = Math.max(2, name.length() / 3);
            return known.stream()
                    .filter(k -> distance(name, k) <= limit)
                    .min(Comparator.comparingInt((String k) -> distance(name, k))
                            .thenComparing(k -> k));
        }

        /** Levenshtein distance. */
        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}

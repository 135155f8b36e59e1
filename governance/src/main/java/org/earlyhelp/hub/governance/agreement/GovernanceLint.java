package org.earlyhelp.hub.governance.agreement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms.Kind;

/**
 * Checks an agreement's lawful basis and governance headings against the controlled vocabularies
 * ({@code governance-terms.yaml}) and against the rest of the agreement: every code known (or the nearest one
 * suggested), the provider and every recipient a party with a role, an Article 9 condition wherever special
 * category or criminal-offence data flows. An agreement without the headings is a warning, not an error: it is
 * enforced as before, and the public register shows it as incomplete.
 */
final class GovernanceLint {

    private GovernanceLint() {}

    static void check(Agreement a, PartnerRegistry registry, YamlDocument doc, List<LintProblem> out) {
        GovernanceTerms terms = GovernanceTerms.shipped();
        code(terms, Kind.ARTICLE_6, a.lawfulBasis().article6(), "/lawful-basis/article-6", doc, out);
        if (a.lawfulBasis().article9() != null) {
            code(terms, Kind.ARTICLE_9, a.lawfulBasis().article9(), "/lawful-basis/article-9", doc, out);
        }
        override(a, terms, doc, out);
        Agreement.Governance g = a.governance();
        if (g == null) {
            out.add(doc.warning(
                    "/id",
                    "no governance headings (the ICO Data Sharing Code's purpose, parties, rights, security, DPIA,"
                            + " sign-off...): the public register shows this agreement as incomplete. Add a"
                            + " 'governance' block, as agreements/police-to-schools-domestic-abuse.yaml has"));
            return;
        }
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < g.parties().size(); i++) {
            Agreement.Party p = g.parties().get(i);
            String at = "/governance/parties/" + i;
            if (!named.add(p.partner())) {
                out.add(doc.error(at + "/partner", "party '" + p.partner() + "' is listed twice: list it once"));
            }
            if (registry != null && !registry.partners().contains(p.partner())) {
                out.add(doc.error(
                        at + "/partner",
                        "unknown partner '" + p.partner() + "': add it to " + AgreementLoader.REGISTRY_FILE
                                + " or correct it"));
            }
            code(terms, Kind.PARTY_ROLE, p.role(), at + "/role", doc, out);
        }
        List<String> mustBeParties = new java.util.ArrayList<>();
        mustBeParties.add(a.provider());
        mustBeParties.addAll(a.recipients());
        for (String partner : mustBeParties) {
            boolean unknown = registry != null && !registry.partners().contains(partner); // reported already
            if (!named.contains(partner) && !unknown) {
                out.add(doc.error(
                        "/governance/parties",
                        "'" + partner + "' shares or receives under this agreement but is not among"
                                + " governance.parties: add it with its role (controller, joint-controller or"
                                + " processor)"));
            }
        }
        codes(terms, Kind.SPECIAL_CATEGORY, g.specialCategories(), "/governance/special-category", doc, out);
        if ((!g.specialCategories().isEmpty() || g.criminalOffenceData())
                && a.lawfulBasis().article9() == null) {
            out.add(doc.error(
                    "/lawful-basis",
                    "special category or criminal-offence data flows (governance.special-category,"
                            + " criminal-offence-data) but lawful-basis has no article-9 condition: add one"));
        }
        codes(terms, Kind.SECURITY_MEASURE, g.security(), "/governance/security", doc, out);
        codes(terms, Kind.PERMITTED_USE, g.permittedUse(), "/governance/permitted-use", doc, out);
        codes(terms, Kind.RESTRICTION, g.restrictions(), "/governance/restrictions", doc, out);
        codes(terms, Kind.RECIPIENT_DUTY, g.recipientDuties(), "/governance/recipient-duties", doc, out);
        codes(terms, Kind.LEGAL_COMPLIANCE, g.legalCompliance(), "/governance/legal-compliance", doc, out);
        Agreement.StatutoryDuty duty = g.statutoryDuty();
        if (duty != null) {
            if (org.earlyhelp.hub.governance.vocabulary.LegalGateways.shipped()
                    .byCode(duty.gateway())
                    .isEmpty()) {
                out.add(doc.error(
                        "/governance/statutory-duty/gateway",
                        "unknown legal gateway '" + duty.gateway() + "' (legal-gateways.yaml)"));
            }
            if (!duty.approvedBy().contains(a.provider())) {
                out.add(doc.error(
                        "/governance/statutory-duty/approved-by",
                        "the provider '" + a.provider()
                                + "' must approve an agreement under a statutory duty: add it"));
            }
            for (String p : duty.approvedBy()) {
                if (!named.contains(p)) {
                    out.add(doc.error(
                            "/governance/statutory-duty/approved-by",
                            "'" + p + "' approves under the duty but is not among governance.parties"));
                }
            }
        }
        for (int i = 0; i < g.approvals().size(); i++) {
            Agreement.Approval x = g.approvals().get(i);
            String at = "/governance/approvals/" + i;
            if (!named.contains(x.party())) {
                out.add(doc.error(at + "/party", "'" + x.party() + "' approves but is not among governance.parties"));
            }
            if (x.version() > a.version()) {
                out.add(doc.error(
                        at + "/version",
                        "approves version " + x.version() + " but the agreement is version " + a.version()));
            }
        }
        if (a.status() == AgreementStatus.APPROVED && !a.unapprovedParties().isEmpty()) {
            out.add(doc.warning(
                    "/status",
                    "approved, but version " + a.version() + " is not yet approved by "
                            + String.join(", ", a.unapprovedParties())
                            + ": it permits nothing until each adds its approval under governance.approvals"));
        }
        if (g.signOff().date() != null && g.signOff().date().isAfter(a.valid().from())) {
            out.add(doc.warning(
                    "/governance/sign-off/date",
                    "signed off on " + g.signOff().date() + ", after the agreement started ("
                            + a.valid().from() + "): nothing may rest on it before its sign-off"));
        }
    }

    /** An override cites only gateways the vocabulary lets lift consent, names known roles, and has consent to lift. */
    private static void override(Agreement a, GovernanceTerms terms, YamlDocument doc, List<LintProblem> out) {
        Agreement.SafeguardingOverride o = a.override();
        if (o == null) {
            return;
        }
        org.earlyhelp.hub.governance.vocabulary.LegalGateways gateways =
                org.earlyhelp.hub.governance.vocabulary.LegalGateways.shipped();
        List<String> lifting = gateways.all().stream()
                .filter(org.earlyhelp.hub.governance.vocabulary.LegalGateway::liftsConsent)
                .map(org.earlyhelp.hub.governance.vocabulary.LegalGateway::code)
                .toList();
        for (int i = 0; i < o.reasons().size(); i++) {
            String reason = o.reasons().get(i);
            if (!lifting.contains(reason)) {
                // no "did you mean": the nearest spelling is a different law; name them all
                String fix = "cite one of " + lifting;
                out.add(doc.error(
                        "/safeguarding-override/reasons/" + i,
                        "'" + reason + "' is not a gateway that may lift consent (legal-gateways.yaml, lifts-consent):"
                                + " " + fix));
            }
        }
        codes(terms, Kind.PROFESSIONAL_ROLE, o.roles(), "/safeguarding-override/roles", doc, out);
        if (a.consent() != ConsentRule.REQUIRED) {
            out.add(doc.warning(
                    "/safeguarding-override",
                    "this agreement does not require consent, so an override has nothing to lift: remove the"
                            + " safeguarding-override block or set consent: required"));
        }
    }

    private static void codes(
            GovernanceTerms terms,
            Kind kind,
            List<String> codes,
            String pointer,
            YamlDocument doc,
            List<LintProblem> out) {
        for (int i = 0; i < codes.size(); i++) {
            code(terms, kind, codes.get(i), pointer + "/" + i, doc, out);
        }
    }

    private static void code(
            GovernanceTerms terms, Kind kind, String code, String pointer, YamlDocument doc, List<LintProblem> out) {
        if (terms.title(kind, code).isPresent()) {
            return;
        }
        String fix = AgreementLint.Nearest.among(code, new LinkedHashSet<>(terms.codes(kind)))
                .map(n -> "did you mean '" + n + "'?")
                .orElse("known are " + terms.codes(kind));
        out.add(doc.error(pointer, "unknown " + kind.key() + " '" + code + "' (governance-terms.yaml): " + fix));
    }
}

package org.earlyhelp.hub.app.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms.Kind;
import org.earlyhelp.hub.governance.vocabulary.LegalGateway;
import org.earlyhelp.hub.governance.vocabulary.LegalGateways;

/**
 * One agreement as the board signs it and the public reads it: the headings of the ICO Data Sharing Code of
 * Practice (2021), in its order, each with what the agreement says under it, every code in the words of the
 * vocabularies; and the DfE draft {@code SharingPolicy} fields for machine readers. An agreement not yet written up
 * in full lists the headings it lacks instead of leaving them out silently.
 */
record AgreementDocument(Agreement agreement, List<Heading> headings, List<String> missing) {

    /** The headings every agreement's document has, in order (what a test and a reader can rely on). */
    static final List<String> HEADINGS = List.of(
            "Purpose",
            "Parties and their roles",
            "Data items shared",
            "Lawful basis and legal gateways",
            "Special category and criminal offence data",
            "How and when the data is shared",
            "Individuals' rights and the single point of contact",
            "Privacy information",
            "Retention and disposal",
            "Security measures",
            "Permitted use, restrictions and recipients' responsibilities",
            "Legal compliance",
            "Dates, status and review",
            "Data protection impact assessment",
            "Senior sign-off");

    /** One heading: its title and its lines (each a short paragraph or list item). */
    record Heading(String title, List<String> lines) {}

    static AgreementDocument of(Agreement a) {
        return of(a, List.of());
    }

    /** @param adhered the members that have adhered, for a party that joins by adhering (organisation ids) */
    static AgreementDocument of(Agreement a, List<String> adhered) {
        GovernanceTerms terms = GovernanceTerms.shipped();
        Agreement.Governance g = a.governance();
        List<Heading> h = new ArrayList<>();
        List<String> missing = new ArrayList<>();

        h.add(new Heading(
                "Purpose",
                g == null
                        ? List.of("Purpose code: " + a.purpose() + ".")
                        : List.of(g.purpose(), "Purpose code: " + a.purpose() + ".")));
        List<String> parties = new ArrayList<>();
        if (g != null) {
            for (Agreement.Party p : g.parties()) {
                parties.add(p.name() + " (" + p.partner() + "): " + term(terms, Kind.PARTY_ROLE, p.role()) + ".");
                if (p.adheres()) {
                    List<String> members = adhered.stream()
                            .filter(o -> o.startsWith(p.partner() + ":"))
                            .toList();
                    parties.add("Its members join by adhering: "
                            + (members.isEmpty()
                                    ? "none has adhered yet."
                                    : members.size() + " have adhered (" + String.join(", ", members) + ")."));
                }
            }
        } else {
            parties.add("Provider: " + a.provider() + ". Recipients: " + String.join(", ", a.recipients()) + ".");
            missing.add("the parties' roles");
        }
        h.add(new Heading("Parties and their roles", parties));
        List<String> data = new ArrayList<>();
        data.add("Records of type " + a.appliesTo().type() + " ("
                + a.appliesTo().kind() + "), from " + a.provider() + ".");
        a.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(f -> data.add(f.getKey() + ": " + describe(f.getValue())));
        if (a.fields().isEmpty()) {
            data.add("No field: the answer is only whether the provider knows the person, and whom to ask.");
        }
        data.add("Every other field is withheld: nothing leaves the hub that is not listed here.");
        h.add(new Heading("Data items shared", data));
        List<String> basis = new ArrayList<>();
        basis.add("UK GDPR Article 6: "
                + term(terms, Kind.ARTICLE_6, a.lawfulBasis().article6()) + ".");
        basis.add(
                a.lawfulBasis().article9() == null
                        ? "No Article 9 or Article 10 condition is relied on."
                        : "Article 9 (and Article 10) condition: "
                                + term(terms, Kind.ARTICLE_9, a.lawfulBasis().article9()) + ".");
        for (String code : a.lawfulBasis().gateways()) {
            basis.add("Legal gateway: "
                    + LegalGateways.shipped()
                            .byCode(code)
                            .map(AgreementDocument::gateway)
                            .orElse(code));
        }
        h.add(new Heading("Lawful basis and legal gateways", basis));
        if (g != null) {
            List<String> special = new ArrayList<>();
            special.add(
                    g.specialCategories().isEmpty()
                            ? "No special category data."
                            : "Special category data: "
                                    + String.join(
                                            "; ",
                                            g.specialCategories().stream()
                                                    .map(c -> term(terms, Kind.SPECIAL_CATEGORY, c))
                                                    .toList())
                                    + ".");
            special.add(
                    g.criminalOffenceData()
                            ? "Criminal offence data: yes (information about alleged offences or police attendance)."
                            : "Criminal offence data: no.");
            h.add(new Heading("Special category and criminal offence data", special));
        } else {
            h.add(new Heading("Special category and criminal offence data", List.of("Not stated.")));
            missing.add("special category and criminal offence data");
        }
        h.add(new Heading("How and when the data is shared", how(a)));
        if (g != null) {
            Agreement.Contact c = g.rights().contact();
            List<String> rights = new ArrayList<>();
            rights.add(g.rights().how());
            rights.add("Single point of contact: " + c.name()
                    + (c.email() == null ? "" : ", " + c.email())
                    + (c.phone() == null ? "" : ", " + c.phone()) + ".");
            h.add(new Heading("Individuals' rights and the single point of contact", rights));
            h.add(new Heading("Privacy information", List.of(g.privacyInformation())));
            h.add(new Heading(
                    "Retention and disposal", List.of("Retention: " + a.retention() + " from receipt.", g.disposal())));
            h.add(new Heading("Security measures", terms(terms, Kind.SECURITY_MEASURE, g.security())));
            List<String> use = new ArrayList<>();
            terms(terms, Kind.PERMITTED_USE, g.permittedUse()).forEach(t -> use.add("Permitted: " + t));
            terms(terms, Kind.RESTRICTION, g.restrictions()).forEach(t -> use.add("Restriction: " + t));
            terms(terms, Kind.RECIPIENT_DUTY, g.recipientDuties()).forEach(t -> use.add("Recipient's duty: " + t));
            h.add(new Heading("Permitted use, restrictions and recipients' responsibilities", use));
            h.add(new Heading("Legal compliance", terms(terms, Kind.LEGAL_COMPLIANCE, g.legalCompliance())));
        } else {
            for (String title : List.of(
                    "Individuals' rights and the single point of contact",
                    "Privacy information",
                    "Retention and disposal",
                    "Security measures",
                    "Permitted use, restrictions and recipients' responsibilities",
                    "Legal compliance")) {
                h.add(new Heading(
                        title,
                        title.equals("Retention and disposal")
                                ? List.of("Retention: " + a.retention() + " from receipt. Disposal: not stated.")
                                : List.of("Not stated.")));
                missing.add(title.toLowerCase(java.util.Locale.ROOT));
            }
        }
        h.add(new Heading(
                "Dates, status and review",
                List.of(
                        "Version " + a.version() + ", " + a.status().yamlName() + ".",
                        "In force from " + a.valid().from() + " until "
                                + a.valid().until() + ".",
                        a.valid().review() == null
                                ? "No review date is set."
                                : "The board reviews it by " + a.valid().review() + ".")));
        if (g != null) {
            h.add(new Heading("Data protection impact assessment", List.of("Reference: " + g.dpia() + ".")));
            List<String> signed = new ArrayList<>();
            signed.add(g.signOff().name() + ", " + g.signOff().role() + ", on "
                    + g.signOff().date() + ".");
            if (g.statutoryDuty() != null) {
                signed.add("Carries out a statutory duty ("
                        + LegalGateways.shipped()
                                .byCode(g.statutoryDuty().gateway())
                                .map(LegalGateway::title)
                                .orElse(g.statutoryDuty().gateway())
                        + "): approved by "
                        + String.join(" and ", g.statutoryDuty().approvedBy())
                        + "; the duty binds the other parties.");
            }
            g.approvals().stream()
                    .filter(x -> x.version() == a.version())
                    .forEach(x -> signed.add("Approved for " + x.party() + " by " + x.by() + ", " + x.role() + ", on "
                            + x.date() + " (version " + x.version() + ")."));
            if (!a.unapprovedParties().isEmpty()) {
                signed.add("Awaiting the approval of version " + a.version() + " by "
                        + String.join(", ", a.unapprovedParties()) + ": until then it permits nothing.");
            }
            h.add(new Heading("Senior sign-off", signed));
        } else {
            h.add(new Heading("Data protection impact assessment", List.of("Not stated.")));
            h.add(new Heading("Senior sign-off", List.of("Not stated.")));
            missing.add("the DPIA reference");
            missing.add("the senior sign-off");
        }
        return new AgreementDocument(a, List.copyOf(h), List.copyOf(missing));
    }

    /**
     * The DfE draft machine-readable {@code SharingPolicy} (information-governance/dsa.json), its field names as
     * the draft spells them, with the hub's own additions (version, status, lawful basis) after them.
     */
    Map<String, Object> sharingPolicy(String uri) {
        Agreement a = agreement;
        Agreement.Governance g = a.governance();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("URI", uri);
        p.put("Identifier", Map.of("value", a.id(), "System", "urn:earlyhelp:agreement"));
        p.put("Name", a.title());
        if (g != null) {
            Agreement.Contact c = g.rights().contact();
            p.put("Contact", c.name() + (c.email() == null ? "" : " <" + c.email() + ">"));
            p.put(
                    "Party",
                    g.parties().stream()
                            .map(party -> Map.of(
                                    "Name",
                                    party.name(),
                                    "CatalogueID",
                                    List.of(party.partner()),
                                    "Role",
                                    party.role()))
                            .toList());
        } else {
            List<String> all = new ArrayList<>();
            all.add(a.provider());
            all.addAll(a.recipients());
            p.put(
                    "Party",
                    all.stream()
                            .map(party -> Map.of("Name", party, "CatalogueID", List.of(party)))
                            .toList());
        }
        p.put("Data", a.fields().keySet().stream().sorted().toList());
        List<String> purposes = new ArrayList<>();
        purposes.add(a.purpose());
        a.lawfulBasis()
                .gateways()
                .forEach(code -> purposes.add(LegalGateways.shipped()
                        .byCode(code)
                        .map(LegalGateway::uri)
                        .orElse(code)));
        p.put("Purpose", purposes);
        p.put("StartDate", a.valid().from().toString());
        p.put("EndDate", a.valid().until().toString());
        if (g != null) {
            p.put("PermittedUse", g.permittedUse());
            p.put("Restrictions", g.restrictions());
            p.put("DataRecipientResponsibilities", g.recipientDuties());
            p.put("SecurityMeasure", g.security());
            p.put("LegalCompliance", g.legalCompliance());
        }
        p.put("Version", a.version());
        p.put("Status", a.status().yamlName());
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("article6", a.lawfulBasis().article6());
        if (a.lawfulBasis().article9() != null) {
            basis.put("article9", a.lawfulBasis().article9());
        }
        basis.put("gateways", a.lawfulBasis().gateways());
        p.put("LawfulBasis", basis);
        p.put("Complete", missing.isEmpty());
        return p;
    }

    private static List<String> how(Agreement a) {
        List<String> how = new ArrayList<>();
        if (a.deliver() != null) {
            how.add("Pushed: the hub sends each record to the recipients as it arrives"
                    + (a.deliver().deadline() == null
                            ? "."
                            : ", due " + a.deliver().deadline() + "."));
        }
        if (a.pull() != null) {
            how.add("Asked for: a recipient may ask for it (for "
                    + String.join(", ", a.pull().purposes())
                    + ") only about a person it holds a live relationship with: "
                    + String.join(", ", a.pull().relationships()) + ".");
        }
        if (a.query() != null) {
            how.add("Asked whether known: a recipient may ask whether the provider knows a person, giving one of "
                    + String.join(", ", a.query().reasons()) + " as its reason; the answer is only whether, and whom"
                    + " to ask (" + a.query().contact().name() + ")"
                    + (a.query().review().isEmpty()
                            ? "."
                            : "; a request for " + String.join(", ", a.query().review())
                                    + " is held for the board's disclosure review."));
        }
        how.add(
                a.consent() == ConsentRule.REQUIRED
                        ? "Only with the family's consent, recorded by " + a.consentCollector() + "."
                        : "Consent is not the basis: the lawful basis above is.");
        if (a.override() != null) {
            how.add("A safeguarding override may lift the consent requirement for one record, and nothing else (never"
                    + " the fields): asserted by a named professional who is a "
                    + String.join(" or ", a.override().roles())
                    + ", citing " + String.join(" or ", a.override().reasons()) + ", for at most "
                    + a.override().maxHours() + " hours; every use is listed for the board.");
        }
        how.add("Every decision, to share or not, is recorded in the hub's disclosure ledger before anything is sent.");
        return how;
    }

    private static String describe(FieldRule rule) {
        return switch (rule.action()) {
            case ALLOW -> "shared as held";
            case DROP -> "withheld";
            case PSEUDONYMISE -> "pseudonymised (a keyed hash, never the value)";
            case GENERALISE ->
                "generalised to the " + rule.generalisation().yamlName().replace('-', ' ');
        };
    }

    private static String gateway(LegalGateway g) {
        return g.title() + (g.inForce() ? "" : " (awaiting commencement)") + " - " + g.uri();
    }

    private static String term(GovernanceTerms terms, Kind kind, String code) {
        return terms.title(kind, code).orElse(code);
    }

    private static List<String> terms(GovernanceTerms terms, Kind kind, List<String> codes) {
        return codes.stream().map(c -> term(terms, kind, c)).toList();
    }
}

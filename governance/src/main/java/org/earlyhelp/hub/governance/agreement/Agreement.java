package org.earlyhelp.hub.governance.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One information-sharing agreement, as approved by the data governance board. Instances are only made by {@link
 * AgreementLoader}, which checks the file strictly; the constructor re-checks the invariants a record can hold alone.
 */
public record Agreement(
        String id,
        String title,
        int version,
        AgreementStatus status,
        String provider,
        List<String> recipients,
        String purpose,
        LawfulBasis lawfulBasis,
        ConsentRule consent,
        AppliesTo appliesTo,
        Map<String, FieldRule> fields,
        Delivery deliver,
        Period retention,
        Validity valid,
        Pull pull,
        String consentCollector,
        Query query,
        Governance governance,
        SafeguardingOverride override,
        Analytics analytics) {

    public Agreement {
        requireText(id, "id");
        requireText(title, "title");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        Objects.requireNonNull(status, "status");
        requireText(provider, "provider");
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients must name at least one partner");
        }
        requireText(purpose, "purpose");
        Objects.requireNonNull(lawfulBasis, "lawful-basis");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(appliesTo, "applies-to");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(valid, "valid");
        if (deliver == null && pull == null && query == null && analytics == null) {
            throw new IllegalArgumentException("pull, deliver, query or analytics: an agreement licenses push"
                    + " (deliver), pull (pull), \"is this person known?\" requests (query) or pseudonymised datasets"
                    + " for analysts (analytics), and this one none of them");
        }
        if (analytics != null && (deliver != null || pull != null || query != null)) {
            throw new IllegalArgumentException("analytics: an agreement for analysts' datasets licenses nothing else"
                    + " (no deliver, pull or query): a dataset is pseudonymised, a disclosure is not");
        }
        if (fields.isEmpty() && (deliver != null || pull != null || analytics != null)) {
            throw new IllegalArgumentException(
                    "fields must name at least one field for an agreement that pushes or answers a pull");
        }
        if (consent == ConsentRule.REQUIRED && (consentCollector == null || consentCollector.isBlank())) {
            throw new IllegalArgumentException("consent.collector must name who records the consent it requires");
        }
        if (consent == ConsentRule.NOT_REQUIRED && consentCollector != null) {
            throw new IllegalArgumentException("consent.collector is only for an agreement that requires consent");
        }
        if (consentCollector != null && recipients.contains(consentCollector)) {
            throw new IllegalArgumentException("consent.collector '" + consentCollector
                    + "' is a recipient: a recipient may not record consent for its own benefit");
        }
    }

    /** Whether a recipient may ask (pull) under this agreement for this purpose: only one with {@code pull} does. */
    public boolean answersPull(String recipient, String requestedPurpose) {
        return pull != null && recipients.contains(recipient) && pull.purposes().contains(requestedPurpose);
    }

    /**
     * Whether a recipient may ask under this agreement whether the provider knows a person (FHIR {@code
     * $person-info-query}) for this legal gateway: only one with {@code query} naming the gateway does.
     */
    public boolean answersQuery(String recipient, String gatewayCode) {
        return query != null
                && recipients.contains(recipient)
                && query.reasons().contains(gatewayCode);
    }

    /** Whether this agreement names {@code partner} as the one that records the family's consent. */
    public boolean collectsConsent(String partner) {
        return consent == ConsentRule.REQUIRED && partner.equals(consentCollector);
    }

    /**
     * Whether this agreement is in force on the given day: approved, inside its validity dates, and approved at this
     * version by every party whose approval it needs ({@link #unapprovedParties()}).
     */
    public boolean inForceOn(LocalDate day) {
        return status == AgreementStatus.APPROVED
                && valid.covers(day)
                && unapprovedParties().isEmpty();
    }

    /**
     * The parties whose approval of this version is missing. Every party the governance block names must approve,
     * except under a statutory duty ({@code governance.statutory-duty}, Operation Encompass), where those it names
     * (the provider and the council) suffice and the duty binds the recipients. A party whose members join by adhering
     * approves by each member's adherence instead. An agreement without a governance block is judged
     * by its status alone (the lint warns of it).
     */
    public List<String> unapprovedParties() {
        if (governance == null) {
            return List.of();
        }
        List<String> needed = governance.statutoryDuty() != null
                ? governance.statutoryDuty().approvedBy()
                : governance.parties().stream()
                        .filter(p -> !p.adheres())
                        .map(Party::partner)
                        .toList();
        return needed.stream()
                .distinct()
                .filter(p ->
                        governance.approvals().stream().noneMatch(x -> x.party().equals(p) && x.version() == version))
                .toList();
    }

    /**
     * Whether the hub pushes notifications under this agreement: only an agreement with {@code deliver} does. Pushing
     * and answering a pull are licensed separately ({@link #answersPull}): a push-only agreement never answers one.
     */
    public boolean notifies() {
        return deliver != null;
    }

    /** The rule for a field: a field not named in the agreement is dropped. */
    public FieldRule ruleFor(String fieldPath) {
        return fields.getOrDefault(fieldPath, FieldRule.DROP);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** UK GDPR Article 6 basis, Article 9 condition where special category data flows, and statutory gateways. */
    public record LawfulBasis(String article6, String article9, List<String> gateways) {
        public LawfulBasis {
            requireText(article6, "lawful-basis.article-6");
            gateways = gateways == null ? List.of() : List.copyOf(gateways);
        }

        /** A one-line summary for the ledger. */
        public String summary() {
            StringBuilder s = new StringBuilder("art6:").append(article6);
            if (article9 != null) {
                s.append(" art9:").append(article9);
            }
            if (!gateways.isEmpty()) {
                s.append(" gateways:").append(String.join(",", gateways));
            }
            return s.toString();
        }
    }

    /** Which records the agreement covers: the record kind (involvement, state, event) and payload type. */
    public record AppliesTo(String kind, String type) {
        public AppliesTo {
            requireText(kind, "applies-to.kind");
            requireText(type, "applies-to.type");
        }
    }

    /**
     * What a pull under the agreement needs: one of {@code purposes} named by the caller, and a live relationship of
     * one of the {@code relationships} kinds between the caller's organisation and the person asked about. Where
     * {@code corroborationRequired}, a relationship an authoritative source exists for (a pupil on roll) counts only
     * once that source corroborates it; otherwise it counts and the pull is flagged for the access review.
     */
    public record Pull(List<String> purposes, List<String> relationships, boolean corroborationRequired) {
        public Pull {
            purposes = List.copyOf(Objects.requireNonNull(purposes, "pull.purposes"));
            relationships = List.copyOf(Objects.requireNonNull(relationships, "pull.relationships"));
            if (purposes.isEmpty()) {
                throw new IllegalArgumentException("pull.purposes must name at least one purpose");
            }
            if (relationships.isEmpty()) {
                throw new IllegalArgumentException("pull.relationships must name at least one relationship kind");
            }
        }
    }

    /**
     * What an agreement for analysts licenses: datasets for the named {@code projects} only, each with its own
     * pseudonyms (a project's people cannot be joined with another's).
     */
    public record Analytics(List<String> projects) {
        public Analytics {
            projects = List.copyOf(Objects.requireNonNull(projects, "analytics.projects"));
            if (projects.isEmpty()) {
                throw new IllegalArgumentException("analytics.projects must name at least one project");
            }
        }
    }

    /** Whether this agreement licenses datasets for the named project. */
    public boolean licensesDataset(String project) {
        return analytics != null && analytics.projects().contains(project);
    }

    /** Delivery expectations, e.g. a deadline such as {@code before-next-school-day}. */
    public record Delivery(String deadline) {}

    /** The dates between which the agreement may be relied on, and when the board must next review it. */
    public record Validity(LocalDate from, LocalDate until, LocalDate review) {
        public Validity {
            Objects.requireNonNull(from, "valid.from");
            Objects.requireNonNull(until, "valid.until");
            if (until.isBefore(from)) {
                throw new IllegalArgumentException("valid.until " + until + " is before valid.from " + from);
            }
        }

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    /**
     * {@code query: {reasons: [...], review: [...], contact: {name, phone, email}}}: a recipient may ask whether the
     * provider knows a person, giving one of {@code reasons} (legal gateway codes) as its reason; the answer is only
     * whether it does and whom to ask ({@code contact}, the provider's single point of contact for such requests),
     * never the records. A request for a reason in {@code review} is held for the disclosure review instead.
     */
    public record Query(List<String> reasons, List<String> review, Contact contact) {
        public Query {
            reasons = List.copyOf(reasons);
            review = List.copyOf(review);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("query.reasons must name at least one legal gateway");
            }
            if (!reasons.containsAll(review)) {
                throw new IllegalArgumentException("query.review names a reason query.reasons does not");
            }
            Objects.requireNonNull(contact, "query.contact");
        }
    }

    /**
     * The headings of the ICO Data Sharing Code and the DfE draft {@code SharingPolicy} that the rest of the agreement
     * does not already hold (the data items are {@code fields}, the gateways {@code lawful-basis}, the dates {@code
     * valid}, retention {@code retention}): absent for an agreement not yet written up in full, which the lint warns
     * of and the register shows as incomplete. Codes are from {@code governance-terms.yaml}.
     */
    public record Governance(
            String purpose,
            List<Party> parties,
            List<String> specialCategories,
            boolean criminalOffenceData,
            Rights rights,
            String privacyInformation,
            String disposal,
            List<String> security,
            String dpia,
            SignOff signOff,
            List<String> permittedUse,
            List<String> restrictions,
            List<String> recipientDuties,
            List<String> legalCompliance,
            StatutoryDuty statutoryDuty,
            List<Approval> approvals) {

        public Governance {
            approvals = approvals == null ? List.of() : List.copyOf(approvals);
            requireText(purpose, "governance.purpose");
            parties = List.copyOf(parties);
            specialCategories = List.copyOf(specialCategories);
            Objects.requireNonNull(rights, "governance.rights");
            requireText(privacyInformation, "governance.privacy-information");
            requireText(disposal, "governance.disposal");
            security = List.copyOf(security);
            requireText(dpia, "governance.dpia");
            Objects.requireNonNull(signOff, "governance.sign-off");
            permittedUse = List.copyOf(permittedUse);
            restrictions = List.copyOf(restrictions);
            recipientDuties = List.copyOf(recipientDuties);
            legalCompliance = List.copyOf(legalCompliance);
        }

        /** The party entry for a partner, when the agreement names it. */
        public java.util.Optional<Party> party(String partner) {
            return parties.stream().filter(p -> p.partner().equals(partner)).findFirst();
        }
    }

    /**
     * The statutory duty an agreement carries out (a legal gateway that obliges the sharing, such as Operation
     * Encompass): its approval needs only {@code approvedBy} (the provider and the council), and the duty binds the
     * other parties.
     */
    /**
     * {@code safeguarding-override: {reasons: [...], roles: [...], max-hours: N}}: a named professional in one of these
     * roles may lift this agreement's consent requirement for one record, citing one of these legal gateways, for at
     * most {@code maxHours}. It lifts consent and nothing else: the fields released stay the agreement's. Absent: no
     * override is possible under this agreement.
     */
    public record SafeguardingOverride(List<String> reasons, List<String> roles, int maxHours) {
        public SafeguardingOverride {
            reasons = List.copyOf(reasons);
            roles = List.copyOf(roles);
            if (reasons.isEmpty() || roles.isEmpty()) {
                throw new IllegalArgumentException("safeguarding-override needs reasons and roles");
            }
            if (maxHours < 1) {
                throw new IllegalArgumentException("safeguarding-override.max-hours must be 1 or more");
            }
        }
    }

    public record StatutoryDuty(String gateway, List<String> approvedBy) {
        public StatutoryDuty {
            requireText(gateway, "governance.statutory-duty.gateway");
            approvedBy = List.copyOf(approvedBy);
        }
    }

    /** One party's approval of one version: who approved it for the party, in what role, on what day. */
    public record Approval(String party, String by, String role, LocalDate date, int version) {}

    /**
     * A party to the agreement: the partner, its role in the processing, and the organisation's name. A party that
     * {@code adheres} is a kind of organisation whose members join one by one (the area's schools): each member's
     * adherence is recorded, and only a member that has adhered receives under the agreement, unless a statutory duty
     * binds them all (then members are listed as they adhere).
     */
    public record Party(String partner, String role, String name, boolean adheres) {
        public Party(String partner, String role, String name) {
            this(partner, role, name, false);
        }
    }

    /** Whether a recipient of this partner kind must have adhered to receive: an adhering party, and no statutory duty. */
    public boolean needsAdherence(String partner) {
        return governance != null
                && governance.statutoryDuty() == null
                && governance.parties().stream().anyMatch(p -> p.partner().equals(partner) && p.adheres());
    }

    /** The partner kinds whose members join by adhering. */
    public List<String> adheringParties() {
        return governance == null
                ? List.of()
                : governance.parties().stream()
                        .filter(Party::adheres)
                        .map(Party::partner)
                        .toList();
    }

    /** How the people the data is about exercise their rights, and the single point of contact for them. */
    public record Rights(Contact contact, String how) {}

    /** The senior officer who signed the agreement off for the board. */
    public record SignOff(String name, String role, LocalDate date) {}

    /** Whom a requester should ask, for the answer of a query: an office, never a person's own details. */
    public record Contact(String name, String phone, String email) {
        public Contact {
            requireText(name, "query.contact.name");
        }
    }
}

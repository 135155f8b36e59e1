package org.earlyhelp.hub.governance.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.governance.agreement.AdherenceCheck;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.decision.Decision;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.decision.RecordDescriptor;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.RecordView;
import org.earlyhelp.hub.governance.minimise.Withheld;
import org.earlyhelp.hub.governance.review.ReviewCause;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;

/**
 * Asks the decision point about a record and plans the outcome per person: each subject (a child, for Operation
 * Encompass) is decided and disclosed on their own, so nothing about one child reaches another child's school. The
 * recipient within a partner is the partner's connector's to say ({@link RecipientAddressing}): a school by the
 * child's URN, a provider, a team; a partner with no delivering connector receives nothing, and its permits are held
 * for review.
 */
public final class GovernanceService {

    private final PolicyDecisionPoint pdp;
    private final Minimiser minimiser;
    private final SubjectKey subjectKey;
    private final FieldCatalogue catalogue;
    private final Map<String, RecipientAddressing> addressing;
    private final AdherenceCheck adherence;

    /** A planner with no adherence recorded: a member of an adhering party receives nothing. */
    public GovernanceService(
            PolicyDecisionPoint pdp,
            Minimiser minimiser,
            SubjectKey subjectKey,
            FieldCatalogue catalogue,
            Map<String, RecipientAddressing> addressing) {
        this(pdp, minimiser, subjectKey, catalogue, addressing, AdherenceCheck.NONE);
    }

    /**
     * @param addressing how each delivering partner's connector addresses a subject, by partner kind
     * @param adherence which members of a party that joins by adhering have adhered
     */
    public GovernanceService(
            PolicyDecisionPoint pdp,
            Minimiser minimiser,
            SubjectKey subjectKey,
            FieldCatalogue catalogue,
            Map<String, RecipientAddressing> addressing,
            AdherenceCheck adherence) {
        this.pdp = pdp;
        this.minimiser = minimiser;
        this.subjectKey = subjectKey;
        this.catalogue = catalogue;
        this.addressing = Map.copyOf(addressing);
        this.adherence = java.util.Objects.requireNonNull(adherence, "adherence");
    }

    DisclosurePlan plan(HubRecord record, LocalDate today) {
        RecordDescriptor descriptor =
                new RecordDescriptor(record.getKind().name(), record.getType(), record.getProvider());
        List<LedgerDraft> drafts = new ArrayList<>();
        List<DisclosurePlan.Release> releases = new ArrayList<>();
        List<ReviewItem.Parked> parked = new ArrayList<>();
        List<Decision> decisions =
                pdp.decide(descriptor, today, PolicyDecisionPoint.ConsentCheck.NONE_RECORDED).stream()
                        .filter(d -> d.agreement().map(Agreement::notifies).orElse(true))
                        .toList();
        if (decisions.isEmpty()) {
            decisions = List.of(Decision.deny(
                    null,
                    "none",
                    "no agreement covers " + descriptor.kind() + "/" + descriptor.type() + " from "
                            + descriptor.provider() + " for notification; it is disclosed only on request"));
        }
        for (Decision decision : decisions) {
            Agreement agreement = decision.agreement().orElse(null);
            for (Person subject : subjects(record, agreement)) {
                planFor(record, subject, decision, agreement, today, null, drafts, releases, parked);
            }
        }
        return new DisclosurePlan(record.getRecordId(), drafts, releases, parked);
    }

    /**
     * Decides one parked item again, as at its release: the agreement as loaded now, the consent as recorded now
     * ({@code consent}, which also says what lifts it), and the recipient the connector addresses now or, failing
     * that, {@code found} (a recipient of the same partner the reviewer found, such as the child's school). The plan
     * holds one draft: a PERMIT with its release, or the DENY or REVIEW that says what is still unresolved.
     */
    DisclosurePlan replan(
            HubRecord record,
            String subjectRef,
            String agreementId,
            String partner,
            LocalDate today,
            PolicyDecisionPoint.ConsentCheck consent,
            Recipient found) {
        RecordDescriptor descriptor =
                new RecordDescriptor(record.getKind().name(), record.getType(), record.getProvider());
        Person subject = record.getPeople().stream()
                .filter(p -> p.getRef().equals(subjectRef))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the record no longer holds that subject"));
        Decision decision = pdp.decideFor(agreementId, descriptor, partner, today, consent);
        List<LedgerDraft> drafts = new ArrayList<>();
        List<DisclosurePlan.Release> releases = new ArrayList<>();
        List<ReviewItem.Parked> parked = new ArrayList<>();
        planFor(record, subject, decision, decision.agreement().orElse(null), today, found, drafts, releases, parked);
        return new DisclosurePlan(record.getRecordId(), drafts, releases, parked);
    }

    /** The reference within the record of the person a ledger entry's subject key names (under any key version). */
    java.util.Optional<String> subjectRef(HubRecord record, String key) {
        return record.getPeople().stream()
                .filter(p -> subjectKey
                        .candidates(p.getGivenName(), p.getFamilyName(), p.getDateOfBirth())
                        .contains(key))
                .map(Person::getRef)
                .findFirst();
    }

    private void planFor(
            HubRecord record,
            Person subject,
            Decision decision,
            Agreement agreement,
            LocalDate today,
            Recipient found,
            List<LedgerDraft> drafts,
            List<DisclosurePlan.Release> releases,
            List<ReviewItem.Parked> parked) {
        Recipient recipient = Recipient.partner(decision.recipient() == null ? "none" : decision.recipient());
        Outcome outcome = decision.outcome();
        List<String> reasons = new ArrayList<>(decision.reasons());
        ReviewCause cause = outcome == Outcome.REVIEW ? ReviewCause.CONSENT : null;
        if (outcome == Outcome.PERMIT) {
            RecipientAddressing connector = addressing.get(recipient.partner());
            if (connector == null) {
                outcome = Outcome.REVIEW;
                cause = ReviewCause.NO_CONNECTOR;
                reasons.add("no connector delivers to " + recipient.partner());
            } else {
                RecipientAddressing.Addressed addressed = connector.address(record, subject);
                if (addressed.recipient() != null) {
                    recipient = addressed.recipient();
                } else if (found != null && found.partner().equals(recipient.partner())) {
                    recipient = found;
                    reasons.add("addressed to " + found + ", found at review");
                } else {
                    outcome = Outcome.REVIEW;
                    cause = ReviewCause.UNADDRESSABLE;
                    reasons.add(addressed.unaddressable());
                }
            }
        }
        if (outcome == Outcome.PERMIT
                && agreement.needsAdherence(recipient.partner())
                && (recipient.address() == null || !adherence.adhered(agreement.id(), recipient.toString()))) {
            outcome = Outcome.DENY;
            reasons.add(recipient + " has not adhered to " + agreement.id()
                    + ": a member of that party receives only once it adheres");
        }
        Withheld withheld = Withheld.of(record, catalogue.fieldsFor(record.getType()));
        if (withheld.whole() && outcome != Outcome.DENY) {
            outcome = Outcome.DENY;
            cause = null;
            reasons.add(withheld.reason());
        }
        Map<String, String> fields = outcome == Outcome.PERMIT
                ? minimiser.minimise(RecordView.of(record, subject, catalogue), agreement, today)
                : Map.of();
        if (outcome == Outcome.PERMIT && !withheld.fields().isEmpty()) {
            Map<String, String> kept = withheld.apply(fields);
            if (kept.size() < fields.size()) {
                reasons.add(withheld.reason());
            }
            fields = kept;
        }
        LedgerDraft draft = new LedgerDraft(
                decisionKey(record.getRecordId(), subject.getRef(), recipient.toString(), agreement),
                outcome,
                record.getRecordId(),
                subjectKey.of(subject.getGivenName(), subject.getFamilyName(), subject.getDateOfBirth()),
                providerOf(record),
                recipient.toString(),
                agreement == null ? null : agreement.id(),
                agreement == null ? null : agreement.version(),
                agreement == null ? null : agreement.purpose(),
                agreement == null ? null : agreement.lawfulBasis().summary(),
                List.copyOf(fields.keySet()),
                reasons);
        if (withheld.any() && reasons.contains(withheld.reason())) {
            draft = draft.withDetails(withheld.details());
        }
        drafts.add(draft);
        if (outcome == Outcome.REVIEW && agreement != null) {
            parked.add(new ReviewItem.Parked(
                    draft.decisionKey(),
                    draft.recordId(),
                    subject.getRef(),
                    draft.subjectKey(),
                    draft.provider(),
                    recipient.partner(),
                    agreement.id(),
                    agreement.version(),
                    cause,
                    reasons));
        }
        if (outcome == Outcome.PERMIT) {
            String deadline =
                    agreement.deliver() == null ? null : agreement.deliver().deadline();
            releases.add(new DisclosurePlan.Release(
                    draft, recipient, agreement.version(), agreement.purpose(), deadline, fields));
        }
    }

    /**
     * The people a decision is about: those whose role the agreement discloses; without an agreement, the children
     * (the people the ledger must be able to answer for); failing those, everyone in the record.
     */
    static List<Person> subjects(HubRecord record, Agreement agreement) {
        Set<String> roles = new LinkedHashSet<>();
        if (agreement != null) {
            for (String path : agreement.fields().keySet()) {
                roles.add(path.substring(0, path.indexOf('.'))
                        .toUpperCase(java.util.Locale.ROOT)
                        .replace('-', '_'));
            }
        }
        if (roles.stream().noneMatch(r -> isRole(r))) {
            roles = Set.of(Role.CHILD.name());
        }
        Set<String> wanted = roles;
        List<Person> subjects = record.getPeople().stream()
                .filter(p -> wanted.contains(p.getRole().name()))
                .toList();
        return subjects.isEmpty() ? record.getPeople() : subjects;
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The organisation that sent the record ({@code police:derbyshire}); the partner kind only for pre-v3 records. */
    public static String providerOf(HubRecord record) {
        return record.getProviderOrganisation() != null ? record.getProviderOrganisation() : record.getProvider();
    }

    /** Stable across retries: the same record, subject, recipient and agreement always give the same key. */
    static String decisionKey(String recordId, String subjectRef, String recipient, Agreement agreement) {
        String material = String.join(
                "\u001f",
                recordId,
                subjectRef,
                recipient,
                agreement == null ? "-" : agreement.id(),
                agreement == null ? "-" : String.valueOf(agreement.version()));
        return key(material);
    }

    /** 128 bits of SHA-256 of {@code material}, in hex: the hub's idempotency keys. */
    static String key(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package org.earlyhelp.hub.governance.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.decision.Decision;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.decision.RecordDescriptor;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.RecordView;
import org.earlyhelp.hub.governance.minimise.Withheld;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;

/**
 * {@code disclose(viewer, purpose, records) -> view}: the decide-minimise-ledger core of a pull. Each record about
 * each member is decided on its own for this viewer, purpose and relationship, and for the member's own consent;
 * released only if the agreement names that member's role (a household is never disclosed whole because one member
 * qualifies), minimised to the member's own role fields and the payload. Every decision, PERMIT, DENY or REVIEW, and
 * the pull's own entry, are in the ledger in one transaction before anything is returned. Which records and members
 * are asked about (the family) is the caller's; what may be learnt about them is only this class's.
 */
public final class FamilyDisclosure {

    private final PolicyDecisionPoint pdp;
    private final Minimiser minimiser;
    private final FieldCatalogue catalogue;
    private final SubjectKey subjectKey;
    private final DisclosureLedger ledger;

    public FamilyDisclosure(
            PolicyDecisionPoint pdp,
            Minimiser minimiser,
            FieldCatalogue catalogue,
            SubjectKey subjectKey,
            DisclosureLedger ledger) {
        this.pdp = pdp;
        this.minimiser = minimiser;
        this.catalogue = catalogue;
        this.subjectKey = subjectKey;
        this.ledger = ledger;
    }

    /**
     * A pull already authorised through a relationship the viewer's organisation holds.
     *
     * @param details the ledger details of the grant (relationship, professional, corroboration): no personal data
     */
    public record Pull(
            String viewId,
            Caller viewer,
            String purpose,
            PolicyDecisionPoint.PullBasis basis,
            Map<String, String> details,
            LocalDate today) {
        public Pull {
            Objects.requireNonNull(viewId, "viewId");
            Objects.requireNonNull(viewer, "viewer");
            details = Map.copyOf(details);
        }
    }

    /** Whether any agreement in force lets the caller's partner ask for {@code purpose} (a pull, not a push). */
    public boolean purposeLicensed(Caller viewer, String purpose, LocalDate today) {
        return pdp.pullPurposeLicensed(viewer.partner(), purpose, today);
    }

    /** The relationship kinds the agreements in force accept for the caller's pulls for {@code purpose}. */
    public java.util.Set<String> acceptedRelationships(Caller viewer, String purpose, LocalDate today) {
        return pdp.pullRelationships(viewer.partner(), purpose, today);
    }

    /** The keyed subject key of a person, as the ledger names them (never the person's data). */
    public String subjectKey(Person person) {
        return subjectKey.of(person.getGivenName(), person.getFamilyName(), person.getDateOfBirth());
    }

    /**
     * Ledgers a refused pull (a PULL entry whose outcome is refused) before the refusal is answered, so the board sees
     * every attempt.
     *
     * @param details the refusal's ledger details: ids, roles and reasons, no personal data
     */
    public void refused(String viewId, Caller viewer, Person subject, Map<String, String> details) {
        Map<String, String> d = new TreeMap<>(details);
        d.put("outcome", "refused");
        d.put("viewId", viewId);
        ledger.append(List.of(LedgerDraft.event(
                org.earlyhelp.hub.governance.ledger.EntryType.PULL,
                "pull:" + viewId,
                viewer.organisation().toString(),
                subjectKey(subject),
                d)));
    }

    /** One record about one member, with that member's consent as recorded. */
    public record Item(HubRecord record, Person subject, PolicyDecisionPoint.ConsentCheck consent) {}

    /** What the viewer may see of one record about one member. */
    public record Entry(
            HubRecord record, Person subject, String agreementId, int agreementVersion, Map<String, String> fields) {}

    /**
     * Decides every item, then ledgers the decisions and the pull's own entry together.
     *
     * @param answered the pull's own ledger entry, given how many entries were released
     * @return the released entries, in the order of {@code items}
     */
    public List<Entry> disclose(Pull pull, List<Item> items, IntFunction<LedgerDraft> answered) {
        List<LedgerDraft> drafts = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Item item : items) {
            decide(pull, item, drafts).ifPresent(entries::add);
        }
        drafts.add(0, answered.apply(entries.size()));
        ledger.append(drafts);
        return entries;
    }

    private Optional<Entry> decide(Pull pull, Item item, List<LedgerDraft> drafts) {
        HubRecord record = item.record();
        Person subject = item.subject();
        RecordDescriptor descriptor =
                new RecordDescriptor(record.getKind().name(), record.getType(), record.getProvider());
        Decision decision = pdp.decidePull(
                descriptor, pull.viewer().partner(), pull.purpose(), pull.basis(), pull.today(), item.consent());
        Agreement agreement = decision.agreement().orElse(null);
        Outcome outcome = decision.outcome();
        List<String> reasons = new ArrayList<>(decision.reasons());
        String role = FieldCatalogue.kebab(subject.getRole().name());
        if (outcome == Outcome.PERMIT && !namesRole(agreement, role)) {
            outcome = Outcome.DENY;
            reasons.add("the agreement discloses nothing about a person in the role " + role);
        }
        Withheld withheld = Withheld.of(record, catalogue.fieldsFor(record.getType()));
        if (outcome == Outcome.PERMIT && withheld.whole()) {
            outcome = Outcome.DENY;
            reasons.add(withheld.reason());
        }
        Map<String, String> fields =
                outcome == Outcome.PERMIT ? ownFields(record, subject, role, agreement, pull.today()) : Map.of();
        if (outcome == Outcome.PERMIT && !withheld.fields().isEmpty()) {
            Map<String, String> kept = withheld.apply(fields);
            if (kept.size() < fields.size()) {
                reasons.add(withheld.reason());
            }
            fields = kept;
        }
        Map<String, String> details = new TreeMap<>(withView(pull.details(), pull.viewId()));
        if (reasons.contains(withheld.reason())) {
            details.putAll(withheld.details());
        }
        drafts.add(new LedgerDraft(
                        decisionKey(pull.viewId(), record.getRecordId(), subject.getRef()),
                        outcome,
                        record.getRecordId(),
                        subjectKey.of(subject.getGivenName(), subject.getFamilyName(), subject.getDateOfBirth()),
                        GovernanceService.providerOf(record),
                        pull.viewer().organisation().toString(),
                        agreement == null ? null : agreement.id(),
                        agreement == null ? null : agreement.version(),
                        pull.purpose(),
                        agreement == null ? null : agreement.lawfulBasis().summary(),
                        List.copyOf(fields.keySet()),
                        reasons)
                .withDetails(details));
        if (outcome != Outcome.PERMIT) {
            return Optional.empty();
        }
        return Optional.of(new Entry(record, subject, agreement.id(), agreement.version(), fields));
    }

    /**
     * The minimised fields about this member only: their own role's fields and the record's payload. Another person
     * in the same record appears under their own entry, if an agreement allows anything about them at all.
     */
    private Map<String, String> ownFields(
            HubRecord record, Person subject, String role, Agreement agreement, LocalDate today) {
        String payloadPrefix = catalogue.payloadType(record.getType()).prefix() + ".";
        Map<String, String> fields = new LinkedHashMap<>();
        minimiser
                .minimise(RecordView.of(record, subject, catalogue), agreement, today)
                .forEach((path, value) -> {
                    if (path.startsWith(role + ".") || path.startsWith(payloadPrefix)) {
                        fields.put(path, value);
                    }
                });
        return fields;
    }

    private static boolean namesRole(Agreement agreement, String role) {
        return agreement.fields().keySet().stream().anyMatch(path -> path.startsWith(role + "."));
    }

    private static Map<String, String> withView(Map<String, String> details, String viewId) {
        Map<String, String> d = new TreeMap<>(details);
        d.put("viewId", viewId);
        return d;
    }

    private static String decisionKey(String viewId, String recordId, String subjectRef) {
        String material = String.join("\u001f", "family-view", viewId, recordId, subjectRef);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

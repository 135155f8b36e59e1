package org.earlyhelp.hub.app.family;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.Decision;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.decision.RecordDescriptor;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.RecordView;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.index.Family;
import org.earlyhelp.hub.matching.index.FamilyGraph;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Builds a family view for a viewer: the family comes from the person index, and each record about each member is
 * decided on its own by the policy decision point for this viewer and purpose, then minimised by the agreement that
 * permits it. A member's record is shown only if the agreement names that member's role in the record: a household is
 * never disclosed whole because one member qualifies. Consent, where an agreement needs it, is that member's own, from
 * the consent register. Only agreements that answer pulls, for the purpose and relationship the pull rests on, are
 * asked. Every decision, permit or deny, is written to the disclosure ledger before the view is returned.
 */
public final class FamilyViewService {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final PersonIndex index;
    private final FamilyGraph families;
    private final RecordStore store;
    private final RecordCodec codec;
    private final PolicyDecisionPoint pdp;
    private final Minimiser minimiser;
    private final FieldCatalogue catalogue;
    private final SubjectKey subjectKey;
    private final DisclosureLedger ledger;
    private final ConsentRegister consents;
    private final PullAuthority authority;
    private final Clock clock;

    public FamilyViewService(
            PersonIndex index,
            FamilyGraph families,
            RecordStore store,
            RecordCodec codec,
            PolicyDecisionPoint pdp,
            Minimiser minimiser,
            FieldCatalogue catalogue,
            SubjectKey subjectKey,
            DisclosureLedger ledger,
            ConsentRegister consents,
            RelationshipRegister relationships,
            Clock clock) {
        this.index = index;
        this.families = families;
        this.store = store;
        this.codec = codec;
        this.pdp = pdp;
        this.minimiser = minimiser;
        this.catalogue = catalogue;
        this.subjectKey = subjectKey;
        this.ledger = ledger;
        this.consents = consents;
        this.authority = new PullAuthority(index, store, codec, pdp, relationships, subjectKey, ledger);
        this.clock = clock;
    }

    /**
     * The family of the person {@code personRef} in the caller's own record {@code recordId}, for a purpose the
     * agreements give the caller, through a live relationship the caller's organisation holds with that person
     * ({@link PullAuthority}). Each record is then decided on its own; the PULL entry and every DISCLOSURE entry are
     * in the ledger before the view is returned.
     */
    public FamilyView view(
            Caller caller, String purpose, String recordId, String personRef, Optional<String> relationshipKind) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        String viewId = UUID.randomUUID().toString();
        PullAuthority.Grant grant =
                authority.authorise(caller, purpose, recordId, personRef, relationshipKind, today, viewId);
        UUID personId = grant.personId();
        String viewer = caller.organisation().toString();
        Family family = families.family(personId);
        List<LedgerDraft> drafts = new ArrayList<>();
        List<FamilyView.Member> members = new ArrayList<>();
        Instant firstOwnRecord = null;
        int released = 0;
        for (Family.Member member : family.members()) {
            PolicyDecisionPoint.ConsentCheck consent = consents.checkFor(member.personId(), today);
            List<FamilyView.Entry> entries = new ArrayList<>();
            for (RecordStore.StoredSubject stored : store.about(member.recordKeys())) {
                HubRecord record = codec.decodeRecord(stored.body());
                if (viewer.equals(record.getProviderOrganisation())) {
                    if (member.personId().equals(personId)
                            && (firstOwnRecord == null || record.getReceivedAt().isBefore(firstOwnRecord))) {
                        firstOwnRecord = record.getReceivedAt();
                    }
                    continue; // the caller's own records are not disclosed back to it
                }
                Person subject = record.getPeople().stream()
                        .filter(p -> p.getRef().equals(stored.personRef()))
                        .findFirst()
                        .orElseThrow();
                decide(viewId, grant, today, record, subject, consent, drafts).ifPresent(entries::add);
            }
            released += entries.size();
            if (!entries.isEmpty() || member.personId().equals(personId)) {
                members.add(new FamilyView.Member(member.personId(), member.connections(), entries));
            }
        }
        drafts.add(0, PullAuthority.answered(grant, viewId, firstOwnRecord, released));
        ledger.append(drafts);
        return new FamilyView(
                viewId,
                personId,
                viewer,
                purpose,
                grant.relationship().kind().yamlName(),
                grant.corroboration().yamlName(),
                members);
    }

    private Optional<FamilyView.Entry> decide(
            String viewId,
            PullAuthority.Grant grant,
            LocalDate today,
            HubRecord record,
            Person subject,
            PolicyDecisionPoint.ConsentCheck consent,
            List<LedgerDraft> drafts) {
        String viewer = grant.caller().organisation().toString();
        RecordDescriptor descriptor =
                new RecordDescriptor(record.getKind().name(), record.getType(), record.getProvider());
        Decision decision =
                pdp.decidePull(descriptor, grant.caller().partner(), grant.purpose(), grant.basis(), today, consent);
        Agreement agreement = decision.agreement().orElse(null);
        Outcome outcome = decision.outcome();
        List<String> reasons = new ArrayList<>(decision.reasons());
        String role = FieldCatalogue.kebab(subject.getRole().name());
        if (outcome == Outcome.PERMIT && !namesRole(agreement, role)) {
            outcome = Outcome.DENY;
            reasons.add("the agreement discloses nothing about a person in the role " + role);
        }
        Map<String, String> fields =
                outcome == Outcome.PERMIT ? ownFields(record, subject, role, agreement, today) : Map.of();
        drafts.add(new LedgerDraft(
                        decisionKey(viewId, record.getRecordId(), subject.getRef()),
                        outcome,
                        record.getRecordId(),
                        subjectKey.of(subject.getGivenName(), subject.getFamilyName(), subject.getDateOfBirth()),
                        GovernanceService.providerOf(record),
                        viewer,
                        agreement == null ? null : agreement.id(),
                        agreement == null ? null : agreement.version(),
                        grant.purpose(),
                        agreement == null ? null : agreement.lawfulBasis().summary(),
                        List.copyOf(fields.keySet()),
                        reasons)
                .withDetails(withView(grant.details(), viewId)));
        if (outcome != Outcome.PERMIT) {
            return Optional.empty();
        }
        return Optional.of(new FamilyView.Entry(
                record.getRecordId(),
                GovernanceService.providerOf(record),
                record.getKind().name().toLowerCase(Locale.ROOT),
                record.getType(),
                agreement.id(),
                agreement.version(),
                fields));
    }

    /**
     * The minimised fields about this member only: their own role's fields and the record's payload. Another person
     * in the same record appears under their own entry, if an agreement allows anything about them at all.
     */
    private Map<String, String> ownFields(
            HubRecord record, Person subject, String role, Agreement agreement, LocalDate today) {
        String payloadPrefix = catalogue.payloadType(record.getType()).prefix() + ".";
        Map<String, String> fields = new java.util.LinkedHashMap<>();
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
        Map<String, String> d = new java.util.TreeMap<>(details);
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

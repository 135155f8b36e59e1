package org.earlyhelp.hub.app.family;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.FamilyDisclosure;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
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
    private final FamilyDisclosure disclosure;
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
        this.disclosure = new FamilyDisclosure(pdp, minimiser, catalogue, subjectKey, ledger);
        this.consents = consents;
        this.authority = new PullAuthority(index, store, codec, relationships, disclosure);
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
        // which records about which members are asked about is the family's; what may be learnt is governance's
        List<FamilyDisclosure.Item> items = new ArrayList<>();
        List<UUID> memberOfItem = new ArrayList<>();
        Instant firstOwnRecord = null;
        for (Family.Member member : family.members()) {
            PolicyDecisionPoint.ConsentCheck consent = consents.checkFor(member.personId(), today);
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
                items.add(new FamilyDisclosure.Item(record, subject, consent));
                memberOfItem.add(member.personId());
            }
        }
        Instant first = firstOwnRecord;
        FamilyDisclosure.Pull pull =
                new FamilyDisclosure.Pull(viewId, caller, purpose, grant.basis(), grant.details(), today);
        List<FamilyDisclosure.Entry> released =
                disclosure.disclose(pull, items, count -> PullAuthority.answered(grant, viewId, first, count));
        Map<UUID, List<FamilyView.Entry>> byMember = new java.util.HashMap<>();
        for (FamilyDisclosure.Entry e : released) {
            int at = indexOf(items, e);
            byMember.computeIfAbsent(memberOfItem.get(at), k -> new ArrayList<>())
                    .add(entry(e));
        }
        List<FamilyView.Member> members = new ArrayList<>();
        for (Family.Member member : family.members()) {
            List<FamilyView.Entry> entries = byMember.getOrDefault(member.personId(), List.of());
            if (!entries.isEmpty() || member.personId().equals(personId)) {
                members.add(new FamilyView.Member(member.personId(), member.connections(), entries));
            }
        }
        return new FamilyView(
                viewId,
                personId,
                viewer,
                purpose,
                grant.relationship().kind().yamlName(),
                grant.corroboration().yamlName(),
                members);
    }

    private static int indexOf(List<FamilyDisclosure.Item> items, FamilyDisclosure.Entry e) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).record() == e.record() && items.get(i).subject() == e.subject()) {
                return i;
            }
        }
        throw new IllegalStateException("a released entry that was not asked about");
    }

    private static FamilyView.Entry entry(FamilyDisclosure.Entry e) {
        HubRecord record = e.record();
        return new FamilyView.Entry(
                record.getRecordId(),
                GovernanceService.providerOf(record),
                record.getKind().name().toLowerCase(Locale.ROOT),
                record.getType(),
                e.agreementId(),
                e.agreementVersion(),
                e.fields());
    }
}

package org.earlyhelp.hub.app.family;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Professional;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.consent.ConsentEvent;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.relationship.Relationship;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Records a consent event only for the party entitled to: the organisation every agreement in the scope names as its
 * consent collector (never a recipient, the lint sees to that), holding an open relationship with the person, through
 * a record of its own, with a named professional. The CONSENT ledger entry is written first, then the register row;
 * both are keyed by the event id, so a retry writes each once.
 */
final class ConsentRecorder {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final PersonIndex index;
    private final RecordStore store;
    private final RecordCodec codec;
    private final PolicyDecisionPoint pdp;
    private final RelationshipRegister relationships;
    private final ConsentRegister consents;
    private final DisclosureLedger ledger;
    private final SubjectKey subjectKey;
    private final Clock clock;

    ConsentRecorder(
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            PolicyDecisionPoint pdp,
            RelationshipRegister relationships,
            ConsentRegister consents,
            DisclosureLedger ledger,
            SubjectKey subjectKey,
            Clock clock) {
        this.index = index;
        this.store = store;
        this.codec = codec;
        this.pdp = pdp;
        this.relationships = relationships;
        this.consents = consents;
        this.ledger = ledger;
        this.subjectKey = subjectKey;
        this.clock = clock;
    }

    /** 400 without a named professional; 403 unless some agreement names the caller's kind as its collector. */
    void mayRecord(Caller caller) {
        if (caller.professionalIfNamed().isEmpty()) {
            throw PullRefused.badRequest(null, "name the professional recording the consent (user id and role)");
        }
        if (pdp.agreements().stream().noneMatch(a -> a.collectsConsent(caller.partner()))) {
            throw PullRefused.forbidden(null, "no agreement names you as its consent collector");
        }
    }

    ConsentEvent record(Caller caller, ConsentRequest in) {
        return record(caller, in, UUID.randomUUID());
    }

    /**
     * As {@link #record(Caller, ConsentRequest)}, under an id the caller derives (a FHIR Consent's version gives the
     * same id every time it is read, so a re-poll records it once).
     */
    ConsentEvent record(Caller caller, ConsentRequest in, UUID consentId) {
        mayRecord(caller);
        Professional professional = caller.professionalIfNamed().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        if (in.expires() != null && in.given() && !in.expires().isAfter(today)) {
            throw PullRefused.badRequest("expires", "must be after today");
        }
        for (int i = 0; i < in.scope().size(); i++) {
            String id = in.scope().get(i);
            Optional<Agreement> a =
                    pdp.agreements().stream().filter(x -> x.id().equals(id)).findFirst();
            if (a.isEmpty() || a.get().consent() != ConsentRule.REQUIRED) {
                throw PullRefused.badRequest("scope[" + i + "]", "names no agreement that needs consent");
            }
            if (!a.get().collectsConsent(caller.partner())) {
                throw PullRefused.forbidden("scope[" + i + "]", "you are not this agreement's consent collector");
            }
        }
        HubRecord own = store.body(in.record()).map(codec::decodeRecord).orElseThrow(PullRefused::notFound);
        String organisation = caller.organisation().toString();
        Person person = own.getPeople().stream()
                .filter(p -> p.getRef().equals(in.person()))
                .findFirst()
                .filter(p -> organisation.equals(own.getProviderOrganisation()))
                .orElseThrow(PullRefused::notFound);
        String sourceRecordId = in.record() + "#" + in.person();
        UUID personId = index.personOf(own.getProvider(), sourceRecordId).orElseThrow(PullRefused::notFound);
        List<String> keys =
                index.recordsOf(personId).stream().map(IndexedRecord::recordKey).toList();
        Relationship open = relationships.live(organisation, keys).stream()
                .filter(r -> r.kind() != RelationshipKind.ROLL_RECORD)
                .findFirst()
                .orElseThrow(() -> PullRefused.forbidden("person", "you hold no open relationship with this person"));
        ConsentEvent event = new ConsentEvent(
                consentId,
                personId,
                own.getProvider() + "/" + sourceRecordId,
                in.scope(),
                in.given(),
                in.basis(),
                in.reference(),
                in.given() ? in.expires() : null,
                organisation,
                professional.userId(),
                professional.role(),
                clock.instant());
        Map<String, String> d = new TreeMap<>();
        d.put("consentId", event.consentId().toString());
        d.put("personId", personId.toString());
        d.put("scope", String.join(",", event.scope()));
        d.put("given", String.valueOf(event.given()));
        d.put("basis", event.basis().yamlName());
        d.put("reference", event.reference());
        d.put("expires", event.expires() == null ? "-" : event.expires().toString());
        d.put("professional", professional.userId());
        d.put("professionalRole", professional.role());
        d.put("relationship", open.kind().yamlName());
        d.put("relationshipId", String.valueOf(open.id()));
        String key = subjectKey.of(person.getGivenName(), person.getFamilyName(), person.getDateOfBirth());
        ledger.append(
                List.of(LedgerDraft.event(EntryType.CONSENT, "consent:" + event.consentId(), organisation, key, d)));
        consents.record(event);
        return event;
    }
}

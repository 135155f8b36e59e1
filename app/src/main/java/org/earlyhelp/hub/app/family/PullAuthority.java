package org.earlyhelp.hub.app.family;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Professional;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.FamilyDisclosure;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.relationship.Corroboration;
import org.earlyhelp.hub.governance.relationship.Relationship;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Decides whether a caller may pull at all, before any record is looked at: a named professional, a purpose some
 * agreement's pull list gives the caller's kind, a record of the caller's own organisation naming the person, and a
 * live relationship between that organisation and the person of a kind those agreements accept. A refusal for want
 * of a relationship is itself a PULL entry in the ledger, so the access review sees attempts as well as answers.
 */
final class PullAuthority {

    /** What a permitted pull rests on. */
    record Grant(
            Caller caller,
            Professional professional,
            String purpose,
            UUID personId,
            String subjectKey,
            Relationship relationship,
            Corroboration corroboration) {

        PolicyDecisionPoint.PullBasis basis() {
            return new PolicyDecisionPoint.PullBasis(relationship.kind().yamlName(), corroboration);
        }

        /** The details every PULL and DISCLOSURE entry of this pull carries: ids and vocabulary words only. */
        Map<String, String> details() {
            Map<String, String> d = new TreeMap<>();
            d.put("requester", caller.organisation().toString());
            d.put("professional", professional.userId());
            d.put("professionalRole", professional.role());
            d.put("purpose", purpose);
            d.put("relationship", relationship.kind().yamlName());
            d.put("relationshipId", String.valueOf(relationship.id()));
            d.put("corroborated", corroboration.yamlName());
            return d;
        }
    }

    private final PersonIndex index;
    private final RecordStore store;
    private final RecordCodec codec;
    private final RelationshipRegister relationships;
    private final FamilyDisclosure governance;

    /** @param governance the decision point and the ledger, reached only through governance's pull API */
    PullAuthority(
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            RelationshipRegister relationships,
            FamilyDisclosure governance) {
        this.index = index;
        this.store = store;
        this.codec = codec;
        this.relationships = relationships;
        this.governance = governance;
    }

    Grant authorise(
            Caller caller,
            String purpose,
            String recordId,
            String personRef,
            Optional<String> relationshipKind,
            LocalDate today,
            String viewId) {
        Professional professional = caller.professionalIfNamed()
                .orElseThrow(() ->
                        PullRefused.badRequest(null, "name the professional making the request (user id and role)"));
        if (purpose == null || !governance.purposeLicensed(caller, purpose, today)) {
            throw PullRefused.forbidden("purpose", "no agreement lets you ask for this purpose");
        }
        HubRecord own = ownRecord(recordId);
        Person subject = ownPerson(caller, own, personRef);
        String sourceRecordId = recordId + "#" + personRef;
        UUID personId = index.personOf(own.getProvider(), sourceRecordId).orElseThrow(PullRefused::notFound);
        String key = governance.subjectKey(subject);
        List<String> keys =
                index.recordsOf(personId).stream().map(IndexedRecord::recordKey).toList();
        Set<String> accepted = governance.acceptedRelationships(caller, purpose, today);
        Optional<Grant> best = relationships.live(caller.organisation().toString(), keys).stream()
                .filter(r -> accepted.contains(r.kind().yamlName()))
                .filter(r ->
                        relationshipKind.map(k -> k.equals(r.kind().yamlName())).orElse(true))
                .map(r -> new Grant(
                        caller, professional, purpose, personId, key, r, relationships.corroboration(r, keys)))
                .min(Comparator.comparing(Grant::corroboration, Comparator.comparingInt(PullAuthority::rank)));
        if (best.isEmpty()) {
            Map<String, String> d = new TreeMap<>();
            d.put("requester", caller.organisation().toString());
            d.put("professional", professional.userId());
            d.put("professionalRole", professional.role());
            d.put("purpose", purpose);
            d.put("reason", "no-relationship");
            d.put("personId", personId.toString());
            governance.refused(viewId, caller, subject, d);
            throw PullRefused.forbidden(
                    "relationship", "you hold no live relationship with this person that the agreements accept");
        }
        return best.get();
    }

    /** The PULL entry of an answered pull; written with the view's DISCLOSURE entries, before the view is returned. */
    static LedgerDraft answered(Grant g, String viewId, Instant requesterFirstRecordAt, int released) {
        Map<String, String> d = new TreeMap<>(g.details());
        d.put("outcome", "answered");
        d.put("personId", g.personId().toString());
        d.put("viewId", viewId);
        d.put("entriesReleased", String.valueOf(released));
        if (requesterFirstRecordAt != null) {
            d.put("requesterFirstRecordAt", requesterFirstRecordAt.toString());
        }
        return LedgerDraft.event(
                EntryType.PULL, "pull:" + viewId, g.caller().organisation().toString(), g.subjectKey(), d);
    }

    private HubRecord ownRecord(String recordId) {
        return store.body(recordId).map(codec::decodeRecord).orElseThrow(PullRefused::notFound);
    }

    /** The person {@code personRef} of a record the caller's own organisation sent. */
    private static Person ownPerson(Caller caller, HubRecord record, String personRef) {
        if (!caller.organisation().toString().equals(record.getProviderOrganisation())) {
            throw PullRefused.notFound();
        }
        return record.getPeople().stream()
                .filter(p -> p.getRef().equals(personRef))
                .findFirst()
                .orElseThrow(PullRefused::notFound);
    }

    private static int rank(Corroboration c) {
        return switch (c) {
            case CORROBORATED -> 0;
            case NOT_APPLICABLE -> 1;
            case UNCORROBORATED -> 2;
        };
    }
}

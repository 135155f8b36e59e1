package org.earlyhelp.hub.connector.casesystem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.casesystem.schema.CaseReferral;
import org.earlyhelp.hub.connector.casesystem.schema.EarlyHelpAssessment;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;

/**
 * The case system as the hub sees it. In: involvements ({@code case-involvement}, the payload schema that lives in
 * {@code schemas/} because agreements already name it, registered here with its first version so older records read
 * forward), referrals ({@code case-referral}) and Early Help Assessments ({@code early-help-assessment}). Out: what a
 * {@code deliver:} agreement permits, to the case system's webhook, addressed to the whole partner (its front door)
 * unless a team is named. An open involvement with a named lead practitioner is an open involvement with everyone
 * in it; a closed, closing or ended one ends it. The involvement's recorded relationships link its people.
 */
public final class CaseSystemConnector implements Connector {

    public static final String PARTNER = "casesystem";

    /** Case statuses that end the case system's involvement. */
    static final Set<String> CLOSING_STATUSES = Set.of("closed", "closing", "ended");

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(
                new RecordType(CaseSystemPayloads.INVOLVEMENT, RecordKind.INVOLVEMENT, Set.of(PARTNER)),
                RecordType.of(CaseReferral.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(EarlyHelpAssessment.getClassSchema(), RecordKind.EVENT, PARTNER));
    }

    @Override
    public Optional<Outbound> outbound() {
        return Optional.of(new Outbound(RecipientAddressing.wholePartner(PARTNER), FailureClassifier.standard()));
    }

    @Override
    public RelationshipSource relationships() {
        return CaseSystemConnector::involvement;
    }

    @Override
    public Set<RelationshipKind> establishes() {
        return Set.of(RelationshipKind.OPEN_INVOLVEMENT);
    }

    /**
     * An open involvement with a named lead practitioner establishes an open involvement with everyone in the record;
     * a closing status ends it, lead practitioner or not. Anything else (a placeholder, no practitioner, a referral or
     * an assessment) establishes nothing.
     */
    static List<RelationshipAssertion> involvement(HubRecord record, GenericRecord payload) {
        if (!(payload instanceof CaseInvolvement c)) {
            return List.of();
        }
        boolean closing = CLOSING_STATUSES.contains(c.getStatus().strip().toLowerCase(Locale.ROOT));
        if (!closing && !RelationshipRules.named(c.getLeadPractitioner())) {
            return List.of();
        }
        return record.getPeople().stream()
                .map(p -> RelationshipRules.assertion(record, RelationshipKind.OPEN_INVOLVEMENT, p, null, closing))
                .toList();
    }

    @Override
    public Optional<org.earlyhelp.hub.simulator.partners.PartnerFeed> simulation() {
        return Optional.of(new CaseSystemFeed());
    }

    @Override
    public PersonLinks personLinks() {
        // the involvement's recorded relationships (PARENT_OF, CARER_OF, ...), between refs of the same record
        return (record, payload) -> payload instanceof CaseInvolvement c
                ? c.getRelationships().stream()
                        .map(r -> new PersonLinks.Link(
                                r.getFromRef(), r.getToRef(), r.getKind().name()))
                        .toList()
                : List.of();
    }
}

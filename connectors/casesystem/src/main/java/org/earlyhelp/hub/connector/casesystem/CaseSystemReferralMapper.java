package org.earlyhelp.hub.connector.casesystem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.casesystem.schema.CaseReferral;
import org.earlyhelp.hub.connector.casesystem.schema.ReferralDirection;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Checks a referral (the children referred are people of the record; the level of need fits the direction: a step
 * up to social care is at level 4, a step down to early help at 2 or 3) and maps it to a canonical Event.
 */
final class CaseSystemReferralMapper {

    static final String TYPE = "case-referral";

    private CaseSystemReferralMapper() {}

    static List<FieldError> problems(CaseSystemReferralRequest in) {
        List<FieldError> problems = new ArrayList<>(PersonInput.problems(in.people(), "people"));
        Set<String> refs = CaseSystemPeople.refs(in.people());
        CaseSystemReferralRequest.Referral r = in.referral();
        problems.addAll(CaseSystemPeople.unknownRefs(r.referred(), refs, "referral.referred"));
        if (r.levelOfNeed() != null) {
            if (r.direction().equals("STEP_UP") && r.levelOfNeed() != 4) {
                problems.add(
                        new FieldError("referral.levelOfNeed", "a step up to social care is at level 4 (specialist)"));
            } else if (r.direction().equals("STEP_DOWN") && (r.levelOfNeed() < 2 || r.levelOfNeed() > 3)) {
                problems.add(new FieldError("referral.levelOfNeed", "a step down to early help is at level 2 or 3"));
            }
        }
        return problems;
    }

    static HubRecord toRecord(CaseSystemReferralRequest in, String recordId, Instant receivedAt) {
        CaseSystemReferralRequest.Referral r = in.referral();
        CaseReferral payload = CaseReferral.newBuilder()
                .setReference(r.reference())
                .setDirection(ReferralDirection.valueOf(r.direction()))
                .setReferredOn(r.referredOn())
                .setReason(r.reason())
                .setLevelOfNeed(r.levelOfNeed())
                .setReferredBy(CaseSystemPeople.stripped(r.referredBy()))
                .setToTeam(CaseSystemPeople.stripped(r.toTeam()))
                .setReferred(List.copyOf(r.referred()))
                .setSummary(r.summary())
                .build();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.EVENT)
                .setType(TYPE)
                .setProvider(CaseSystemConnector.PARTNER)
                .setReceivedAt(receivedAt)
                .setPeople(in.people().stream().map(PersonInput::toAvro).toList())
                .setPayload(Payloads.encode(payload))
                .setWithheld(WithheldInput.toAvro(in.withheld()))
                .build();
    }
}

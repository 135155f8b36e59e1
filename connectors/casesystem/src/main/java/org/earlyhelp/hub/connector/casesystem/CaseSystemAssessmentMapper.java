package org.earlyhelp.hub.connector.casesystem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.casesystem.schema.ConsentBasis;
import org.earlyhelp.hub.connector.casesystem.schema.EarlyHelpAssessment;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Checks an Early Help Assessment as the consent register would (a consent given has an expiry after it was
 * recorded; the giver and the people covered are people of the record; an agreement is named once) and maps it to a
 * canonical Event.
 */
final class CaseSystemAssessmentMapper {

    static final String TYPE = "early-help-assessment";

    private CaseSystemAssessmentMapper() {}

    static List<FieldError> problems(CaseSystemAssessmentRequest in) {
        List<FieldError> problems = new ArrayList<>(PersonInput.problems(in.people(), "people"));
        Set<String> refs = CaseSystemPeople.refs(in.people());
        CaseSystemAssessmentRequest.Consent c = in.assessment().consent();
        String path = "assessment.consent";
        if (!refs.contains(c.givenBy())) {
            problems.add(new FieldError(path + ".givenBy", "names no person of this record"));
        }
        problems.addAll(CaseSystemPeople.unknownRefs(c.people(), refs, path + ".people"));
        if (c.given() && c.expires() == null) {
            problems.add(new FieldError(path + ".expires", "is required when consent is given"));
        } else if (c.expires() != null && !c.expires().isAfter(c.recordedOn())) {
            problems.add(new FieldError(path + ".expires", "must be after recordedOn"));
        } else if (c.expires() != null && c.expires().isAfter(c.recordedOn().plusYears(3))) {
            problems.add(new FieldError(path + ".expires", "must be within three years of recordedOn"));
        }
        if (c.recordedOn().isBefore(in.assessment().completedOn().minusYears(1))) {
            problems.add(new FieldError(path + ".recordedOn", "must be within a year before completedOn"));
        }
        if (Set.copyOf(c.scope()).size() != c.scope().size()) {
            problems.add(new FieldError(path + ".scope", "names an agreement twice"));
        }
        return problems;
    }

    static HubRecord toRecord(CaseSystemAssessmentRequest in, String recordId, Instant receivedAt) {
        CaseSystemAssessmentRequest.Assessment a = in.assessment();
        CaseSystemAssessmentRequest.Consent c = a.consent();
        EarlyHelpAssessment payload = EarlyHelpAssessment.newBuilder()
                .setReference(a.reference())
                .setCompletedOn(a.completedOn())
                .setLeadPractitioner(CaseSystemPeople.stripped(a.leadPractitioner()))
                .setLevelOfNeed(a.levelOfNeed())
                .setNeeds(a.needs() == null ? List.of() : List.copyOf(a.needs()))
                .setConsentGiven(c.given())
                .setConsentBasis(
                        ConsentBasis.valueOf(c.basis().toUpperCase(Locale.ROOT).replace('-', '_')))
                .setConsentGivenBy(c.givenBy())
                .setConsentRecordedOn(c.recordedOn())
                .setConsentRecordedBy(c.recordedBy())
                .setConsentRecordedByRole(c.recordedByRole())
                .setConsentReference(c.reference())
                .setConsentScope(List.copyOf(c.scope()))
                .setConsentExpires(c.expires())
                .setConsented(List.copyOf(c.people()))
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

package org.earlyhelp.hub.connector.police;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.AddressInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.RiskLevel;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Maps a validated police incident to the canonical record: people through the shared person shape, the incident as
 * its registered payload. The provider is the authenticated partner ({@code RecordIntake} stamps the organisation).
 */
final class PoliceIncidentMapper {

    static final String TYPE = "domestic-abuse-incident";

    private PoliceIncidentMapper() {}

    static HubRecord toRecord(PoliceIncidentRequest in, String recordId, String provider, Instant receivedAt) {
        List<Person> people = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (PoliceIncidentRequest.PersonDto p : in.people()) {
            people.add(p.toInput().toAvro());
            if (Boolean.TRUE.equals(p.present())) {
                present.add(p.ref());
            }
        }
        DomesticAbuseIncident incident = DomesticAbuseIncident.newBuilder()
                .setReference(in.reference())
                .setOccurredAt(in.occurredAt().toInstant())
                .setPlace(AddressInput.toAvro(in.place()))
                .setChildrenPresent(present)
                .setRiskLevel(in.riskLevel() == null ? null : RiskLevel.valueOf(in.riskLevel()))
                .setOfficerNotes(in.officerNotes())
                .build();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.EVENT)
                .setType(TYPE)
                .setProvider(provider)
                .setReceivedAt(receivedAt)
                .setPeople(people)
                .setPayload(Payloads.encode(incident))
                .setWithheld(WithheldInput.toAvro(in.withheld()))
                .build();
    }
}

package org.earlyhelp.hub.connector.police;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.RiskLevel;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;

/** Maps a validated police incident to the canonical record. The provider is the authenticated partner. */
final class PoliceIncidentMapper {

    static final String TYPE = "domestic-abuse-incident";

    private PoliceIncidentMapper() {}

    static HubRecord toRecord(PoliceIncidentRequest in, String recordId, String provider, Instant receivedAt) {
        List<Person> people = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (PoliceIncidentRequest.PersonDto p : in.people()) {
            people.add(Person.newBuilder()
                    .setRef(p.ref())
                    .setRole(Role.valueOf(p.role()))
                    .setNhsNumber(p.nhsNumber())
                    .setGivenName(p.givenName().strip())
                    .setFamilyName(p.familyName().strip())
                    .setDateOfBirth(p.dateOfBirth())
                    .setDateOfBirthExpected(Boolean.TRUE.equals(p.dateOfBirthExpected()))
                    .setSex(p.sex() == null ? null : Sex.valueOf(p.sex()))
                    .setAddress(address(p.address()))
                    .setSchoolUrn(p.schoolUrn())
                    .build());
            if (Boolean.TRUE.equals(p.present())) {
                present.add(p.ref());
            }
        }
        DomesticAbuseIncident incident = DomesticAbuseIncident.newBuilder()
                .setReference(in.reference())
                .setOccurredAt(in.occurredAt().toInstant())
                .setPlace(address(in.place()))
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
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(incident))
                .build();
    }

    private static Address address(PoliceIncidentRequest.AddressDto a) {
        if (a == null) {
            return null;
        }
        return Address.newBuilder()
                .setLines(a.lines() == null ? List.of() : a.lines())
                .setPostcode(a.postcode() == null ? null : a.postcode().toUpperCase(java.util.Locale.ROOT))
                .setUprn(a.uprn())
                .build();
    }
}

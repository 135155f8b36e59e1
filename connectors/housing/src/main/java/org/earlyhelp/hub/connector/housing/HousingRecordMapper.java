package org.earlyhelp.hub.connector.housing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Maps a checked housing request to the canonical record. Housing keys everything by UPRN: in a residence record
 * (everything but a homelessness application, whose UPRN is the last settled address) each person whose address
 * names no UPRN is taken to live at the record's, so the matcher can place the household.
 */
final class HousingRecordMapper {

    private HousingRecordMapper() {}

    /** Every problem of the request that Bean Validation could not see, with JSON paths. */
    static List<FieldError> problems(HousingRecordType type, HousingRequests.Request request) {
        List<FieldError> out = new ArrayList<>();
        if (request.people() != null && request.people().stream().allMatch(p -> p != null)) {
            out.addAll(PersonInput.problems(request.people(), "people"));
        }
        if (request.fact() != null) {
            out.addAll(request.fact().problems(type.bodyKey()));
        }
        return out;
    }

    static HubRecord toRecord(HousingRecordType type, HousingRequests.Request in, String recordId, Instant at) {
        HousingFact fact = in.fact();
        List<Person> people = new ArrayList<>(in.people().size());
        for (PersonInput p : in.people()) {
            Person person = p.toAvro();
            if (fact.residence() && fact.uprn() != null) {
                Address a = person.getAddress();
                if (a == null) {
                    person.setAddress(Address.newBuilder()
                            .setLines(List.of())
                            .setUprn(fact.uprn())
                            .build());
                } else if (a.getUprn() == null) {
                    a.setUprn(fact.uprn());
                }
            }
            people.add(person);
        }
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(type.kind())
                .setType(type.type())
                .setProvider(HousingConnector.PARTNER)
                .setReceivedAt(at)
                .setPeople(people)
                .setPayload(Payloads.encode(fact.toAvro()))
                .setWithheld(WithheldInput.toAvro(in.withheld()))
                .build();
    }

    /** The key that makes a re-sent fact the same record: its type, reference and what tells it from the next. */
    static String factKey(HousingRecordType type, HousingFact fact) {
        return type.type() + "/" + fact.reference() + "/" + fact.discriminator();
    }
}

package org.earlyhelp.hub.app.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Relationship;
import org.earlyhelp.hub.schema.RelationshipKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.schema.Sex;

/** Checks what Bean Validation cannot (which partner may send which type, refs that exist) and maps to Avro. */
final class PartnerRecordMapper {

    /**
     * Which partners may send each type. The council's education service sends roll records as school attendance: it
     * is the authoritative source that corroborates a school's pupil-on-roll relationship.
     */
    static final Map<String, Set<String>> PROVIDERS_OF = Map.of(
            "school-attendance", Set.of("schools", "council"),
            "health-involvement", Set.of("health"),
            "case-involvement", Set.of("casesystem"));

    /** Whether the partner kind sends canonical records at all. */
    static boolean sendsRecords(String partner) {
        return PROVIDERS_OF.values().stream().anyMatch(p -> p.contains(partner));
    }

    /**
     * What an organisation may not assert at all (answered 403): a school reports only pupils on its own roll, at
     * its own URN, and names no other school for any person.
     */
    static List<Map<String, String>> overreach(PartnerRecordRequest in, Organisation organisation) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (!organisation.isKind("schools")) {
            return problems;
        }
        if (in.attendance() != null && !organisation.id().equals(in.attendance().schoolUrn())) {
            problems.add(Map.of("field", "attendance.schoolUrn", "reason", "a school may report only its own URN"));
        }
        for (int i = 0; i < in.people().size(); i++) {
            String urn = in.people().get(i).schoolUrn();
            if (urn != null && !organisation.id().equals(urn)) {
                problems.add(
                        Map.of("field", "people[" + i + "].schoolUrn", "reason", "a school may name only its own URN"));
            }
        }
        return problems;
    }

    private static final Map<String, RecordKind> KIND_OF = Map.of(
            "school-attendance", RecordKind.STATE,
            "health-involvement", RecordKind.INVOLVEMENT,
            "case-involvement", RecordKind.INVOLVEMENT);

    private PartnerRecordMapper() {}

    /** Field problems; empty when the request is acceptable from this partner. */
    static List<FieldError> problems(PartnerRecordRequest in, String partner) {
        List<FieldError> problems = new ArrayList<>();
        if (!PROVIDERS_OF.getOrDefault(in.type(), Set.of()).contains(partner)) {
            problems.add(new FieldError("type", "is not a type this partner may send"));
        }
        int payloads = (in.attendance() == null ? 0 : 1)
                + (in.involvement() == null ? 0 : 1)
                + (in.caseInvolvement() == null ? 0 : 1);
        String expected =
                switch (in.type()) {
                    case "school-attendance" -> in.attendance() == null ? "attendance" : null;
                    case "health-involvement" -> in.involvement() == null ? "involvement" : null;
                    default -> in.caseInvolvement() == null ? "caseInvolvement" : null;
                };
        if (expected != null) {
            problems.add(new FieldError(expected, "is required for type " + in.type()));
        } else if (payloads > 1) {
            problems.add(new FieldError("type", "exactly one payload, matching the type, may be sent"));
        }
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < in.people().size(); i++) {
            if (!refs.add(in.people().get(i).ref())) {
                problems.add(new FieldError("people[" + i + "].ref", "is used twice"));
            }
        }
        if (in.caseInvolvement() != null && in.caseInvolvement().relationships() != null) {
            List<PartnerRecordRequest.Relationship> rs = in.caseInvolvement().relationships();
            for (int i = 0; i < rs.size(); i++) {
                if (!refs.contains(rs.get(i).fromRef())) {
                    problems.add(new FieldError(
                            "caseInvolvement.relationships[" + i + "].fromRef", "names no person of this record"));
                }
                if (!refs.contains(rs.get(i).toRef())) {
                    problems.add(new FieldError(
                            "caseInvolvement.relationships[" + i + "].toRef", "names no person of this record"));
                }
            }
        }
        return problems;
    }

    static HubRecord toRecord(PartnerRecordRequest in, String recordId, Organisation provider, Instant receivedAt) {
        List<Person> people = new ArrayList<>();
        for (PartnerRecordRequest.Person p : in.people()) {
            people.add(Person.newBuilder()
                    .setRef(p.ref())
                    .setRole(Role.valueOf(p.role()))
                    .setNhsNumber(p.nhsNumber())
                    .setUpn(p.upn() == null ? null : p.upn().toUpperCase(java.util.Locale.ROOT))
                    .setGivenName(p.givenName().strip())
                    .setFamilyName(p.familyName().strip())
                    .setDateOfBirth(p.dateOfBirth())
                    .setDateOfBirthExpected(Boolean.TRUE.equals(p.dateOfBirthExpected()))
                    .setSex(p.sex() == null ? null : Sex.valueOf(p.sex()))
                    .setAddress(address(p.address()))
                    .setSchoolUrn(p.schoolUrn())
                    .build());
        }
        Object payload =
                switch (in.type()) {
                    case "school-attendance" -> {
                        PartnerRecordRequest.Attendance a = in.attendance();
                        yield SchoolAttendance.newBuilder()
                                .setSchoolUrn(a.schoolUrn())
                                .setTerm(a.term())
                                .setAttendancePercent(a.attendancePercent())
                                .setPersistentAbsence(a.attendancePercent() < 90.0)
                                .setSuspensions(a.suspensions() == null ? 0 : a.suspensions())
                                .setPupil(people.stream()
                                        .filter(x -> x.getRole() == Role.CHILD)
                                        .map(Person::getRef)
                                        .toList())
                                .setPastoralNotes(a.pastoralNotes())
                                .build();
                    }
                    case "health-involvement" -> {
                        PartnerRecordRequest.Involvement v = in.involvement();
                        yield HealthInvolvement.newBuilder()
                                .setService(v.service())
                                .setSince(v.since())
                                .setTeam(v.team())
                                .setClinicalNotes(v.clinicalNotes())
                                .build();
                    }
                    default -> {
                        PartnerRecordRequest.Case c = in.caseInvolvement();
                        List<Relationship> relationships = new ArrayList<>();
                        if (c.relationships() != null) {
                            for (PartnerRecordRequest.Relationship r : c.relationships()) {
                                relationships.add(Relationship.newBuilder()
                                        .setFromRef(r.fromRef())
                                        .setToRef(r.toRef())
                                        .setKind(RelationshipKind.valueOf(r.kind()))
                                        .build());
                            }
                        }
                        yield CaseInvolvement.newBuilder()
                                .setCaseType(c.caseType())
                                .setStatus(c.status())
                                .setOpenedOn(c.openedOn())
                                .setLeadPractitioner(c.leadPractitioner())
                                .setRelationships(relationships)
                                .build();
                    }
                };
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(KIND_OF.get(in.type()))
                .setType(in.type())
                .setProvider(provider.kind())
                .setProviderOrganisation(provider.toString())
                .setReceivedAt(receivedAt)
                .setPeople(people)
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(
                        (org.apache.avro.generic.GenericContainer) payload))
                .build();
    }

    private static Address address(PartnerRecordRequest.Address a) {
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

package org.earlyhelp.hub.connector.casesystem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Relationship;
import org.earlyhelp.hub.schema.RelationshipKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Checks what Bean Validation cannot about an involvement (relationships between people of the record, dates in
 * order, a closing date only once closing) and maps it to the canonical record. Shared by both person shapes.
 */
final class CaseSystemInvolvementMapper {

    static final String TYPE = "case-involvement";

    private CaseSystemInvolvementMapper() {}

    /** The problems of a body in the hub's own person shape. */
    static List<FieldError> problems(CaseSystemInvolvementRequest in, LocalDate today) {
        List<FieldError> problems = new ArrayList<>(PersonInput.problems(in.people(), "people"));
        problems.addAll(problems(in.caseInvolvement(), CaseSystemPeople.refs(in.people()), today));
        return problems;
    }

    static List<FieldError> problems(CaseSystemInvolvementRequest.Involvement c, Set<String> refs, LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        String path = "caseInvolvement";
        boolean closing =
                CaseSystemConnector.CLOSING_STATUSES.contains(c.status().toLowerCase(Locale.ROOT));
        if (c.closedOn() != null) {
            if (!closing) {
                problems.add(new FieldError(path + ".closedOn", "must be left out while the case is open"));
            } else if (c.closedOn().isBefore(c.openedOn())) {
                problems.add(new FieldError(path + ".closedOn", "must not be before openedOn"));
            } else if (c.closedOn().isAfter(today.plusYears(1))) {
                problems.add(new FieldError(path + ".closedOn", "must be within a year from today"));
            }
        }
        if (c.enquiryOn() != null && c.enquiryOn().isAfter(c.openedOn())) {
            problems.add(new FieldError(path + ".enquiryOn", "must not be after openedOn: the enquiry comes first"));
        }
        if (c.supportStartedOn() != null) {
            if (c.supportStartedOn().isBefore(c.enquiryOn() == null ? c.openedOn() : c.enquiryOn())) {
                problems.add(new FieldError(
                        path + ".supportStartedOn", "must not be before enquiryOn (or openedOn when no enquiry)"));
            }
        }
        if (c.relationships() != null) {
            for (int i = 0; i < c.relationships().size(); i++) {
                CaseSystemInvolvementRequest.Relationship r = c.relationships().get(i);
                String at = path + ".relationships[" + i + "]";
                if (!refs.contains(r.fromRef())) {
                    problems.add(new FieldError(at + ".fromRef", "names no person of this record"));
                }
                if (!refs.contains(r.toRef())) {
                    problems.add(new FieldError(at + ".toRef", "names no person of this record"));
                }
                if (r.fromRef().equals(r.toRef())) {
                    problems.add(new FieldError(at + ".toRef", "must name another person than fromRef"));
                }
            }
        }
        return problems;
    }

    static HubRecord toRecord(
            List<Person> people, CaseSystemInvolvementRequest.Involvement c, String recordId, Instant receivedAt) {
        List<Relationship> relationships = new ArrayList<>();
        if (c.relationships() != null) {
            for (CaseSystemInvolvementRequest.Relationship r : c.relationships()) {
                relationships.add(Relationship.newBuilder()
                        .setFromRef(r.fromRef())
                        .setToRef(r.toRef())
                        .setKind(RelationshipKind.valueOf(r.kind()))
                        .build());
            }
        }
        CaseInvolvement payload = CaseInvolvement.newBuilder()
                .setCaseType(c.caseType())
                .setStatus(c.status().toLowerCase(Locale.ROOT))
                .setOpenedOn(c.openedOn())
                .setClosedOn(c.closedOn())
                .setEnquiryOn(c.enquiryOn())
                .setSupportStartedOn(c.supportStartedOn())
                .setLeadPractitioner(
                        c.leadPractitioner() == null
                                ? null
                                : c.leadPractitioner().strip())
                .setLevelOfNeed(c.levelOfNeed())
                .setRelationships(relationships)
                .build();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.INVOLVEMENT)
                .setType(TYPE)
                .setProvider(CaseSystemConnector.PARTNER)
                .setReceivedAt(receivedAt)
                .setPeople(people)
                .setPayload(Payloads.encode(payload))
                .build();
    }

    /** When the involvement's newest fact happened: its closing, or its opening. */
    static LocalDate asOf(CaseSystemInvolvementRequest.Involvement c, LocalDate today) {
        return c.closedOn() != null && !c.closedOn().isAfter(today) ? c.closedOn() : c.openedOn();
    }
}

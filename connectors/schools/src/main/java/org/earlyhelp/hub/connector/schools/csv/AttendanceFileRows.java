package org.earlyhelp.hub.connector.schools.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsRecordMapper;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;

/**
 * Turns a file row into the canonical attendance state, as the HTTP intake would: the pupil as CHILD (on the roll of
 * the row's school), the contact, if named, as PARENT. A school's file may report only its own URN.
 */
final class AttendanceFileRows {

    private final Organisation sender;

    AttendanceFileRows(Organisation sender) {
        this.sender = sender;
    }

    /** Why the sender may not assert this row (a reason without values), or null. */
    String refusal(AttendanceRow row) {
        if (sender.isKind("schools") && !sender.id().equals(row.schoolUrn())) {
            return "a school may report only its own URN";
        }
        return null;
    }

    HubRecord toRecord(AttendanceRow row, String recordId, Instant at) {
        List<Person> people = new ArrayList<>();
        people.add(Person.newBuilder()
                .setRef(row.pupilRef())
                .setRole(Role.CHILD)
                .setUpn(row.upn())
                .setGivenName(row.givenName())
                .setFamilyName(row.familyName())
                .setDateOfBirth(row.dateOfBirth())
                .setSex(row.sex() == null ? null : Sex.valueOf(row.sex()))
                .setAddress(
                        row.postcode() == null
                                ? null
                                : Address.newBuilder()
                                        .setLines(List.of())
                                        .setPostcode(row.postcode())
                                        .build())
                .setSchoolUrn(row.schoolUrn())
                .build());
        if (row.contactGivenName() != null) {
            people.add(Person.newBuilder()
                    .setRef("contact")
                    .setRole(Role.PARENT)
                    .setGivenName(row.contactGivenName())
                    .setFamilyName(row.contactFamilyName())
                    .build());
        }
        return SchoolsRecordMapper.attendance(
                people, row.schoolUrn(), row.term(), row.sessions().percent(), row.suspensions(), null, recordId, at);
    }
}

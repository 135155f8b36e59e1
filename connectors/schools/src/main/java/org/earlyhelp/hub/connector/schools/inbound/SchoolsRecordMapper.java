package org.earlyhelp.hub.connector.schools.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericContainer;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.schools.SchoolsConnector;
import org.earlyhelp.hub.connector.schools.schema.ElectiveHomeEducation;
import org.earlyhelp.hub.connector.schools.schema.ElectiveHomeEducationStatus;
import org.earlyhelp.hub.connector.schools.schema.MissingEducation;
import org.earlyhelp.hub.connector.schools.schema.MissingEducationStatus;
import org.earlyhelp.hub.connector.schools.schema.SchoolExclusion;
import org.earlyhelp.hub.connector.schools.schema.SchoolSuspension;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Maps what schools and the education service post to canonical records, and checks what Bean Validation cannot:
 * refs used twice, NHS check digits, a record about no child, session counts that do not add up. The subjects of each
 * payload are the CHILD people of the record; their contacts (PARENT) are linked to them by the connector.
 */
public final class SchoolsRecordMapper {

    /** Below this attendance a pupil is persistently absent (DfE: missing 10% or more of possible sessions). */
    public static final double PERSISTENT_ABSENCE_BELOW = 90.0;

    private SchoolsRecordMapper() {}

    /** Problems shared by every body: the people, and that at least one of them is a child. */
    static List<FieldError> peopleProblems(List<PersonInput> people) {
        List<FieldError> problems = new ArrayList<>(PersonInput.problems(people, "people"));
        if (people != null && people.stream().noneMatch(p -> p != null && "CHILD".equals(p.role()))) {
            problems.add(new FieldError("people", "must name at least one CHILD"));
        }
        return problems;
    }

    static List<FieldError> problems(AttendanceRequest in) {
        List<FieldError> problems = peopleProblems(in.people());
        AttendanceRequest.Attendance a = in.attendance();
        boolean possible = a.sessionsPossible() != null;
        boolean attended = a.sessionsAttended() != null;
        if (possible != attended) {
            problems.add(new FieldError(
                    possible ? "attendance.sessionsAttended" : "attendance.sessionsPossible",
                    "sessionsPossible and sessionsAttended are sent together"));
        } else if (possible) {
            if (a.sessionsPossible() == 0) {
                problems.add(new FieldError("attendance.sessionsPossible", "must be at least 1"));
            } else if (a.sessionsAttended() > a.sessionsPossible()) {
                problems.add(new FieldError("attendance.sessionsAttended", "must not exceed sessionsPossible"));
            } else if (a.attendancePercent() != null
                    && Math.abs(percent(a.sessionsAttended(), a.sessionsPossible()) - a.attendancePercent()) > 0.1) {
                problems.add(new FieldError("attendance.attendancePercent", "does not match the session counts"));
            }
        } else if (a.attendancePercent() == null) {
            problems.add(new FieldError(
                    "attendance.attendancePercent",
                    "is required unless sessionsPossible and sessionsAttended are sent"));
        }
        return problems;
    }

    /** Attended as a percentage of possible, to one decimal place. */
    public static double percent(int attended, int possible) {
        return Math.round(attended * 1000.0 / possible) / 10.0;
    }

    static HubRecord attendance(AttendanceRequest in, String recordId, Instant at) {
        AttendanceRequest.Attendance a = in.attendance();
        double percent = a.sessionsPossible() != null
                ? percent(a.sessionsAttended(), a.sessionsPossible())
                : a.attendancePercent();
        List<Person> people = people(in.people());
        return attendance(people, a.schoolUrn(), a.term(), percent, a.suspensions(), a.pastoralNotes(), recordId, at);
    }

    /** An attendance state, for the HTTP and file intakes alike. */
    public static HubRecord attendance(
            List<Person> people,
            String schoolUrn,
            String term,
            double percent,
            Integer suspensions,
            String notes,
            String recordId,
            Instant at) {
        return record(
                recordId,
                at,
                RecordKind.STATE,
                SchoolsConnector.ATTENDANCE,
                people,
                SchoolAttendance.newBuilder()
                        .setSchoolUrn(schoolUrn)
                        .setTerm(term.strip())
                        .setAttendancePercent(percent)
                        .setPersistentAbsence(percent < PERSISTENT_ABSENCE_BELOW)
                        .setSuspensions(suspensions == null ? 0 : suspensions)
                        .setPupil(children(people))
                        .setPastoralNotes(notes)
                        .build());
    }

    static HubRecord suspension(SuspensionRequest in, String recordId, Instant at) {
        SuspensionRequest.Suspension s = in.suspension();
        List<Person> people = people(in.people());
        return record(
                recordId,
                at,
                RecordKind.EVENT,
                SchoolsConnector.SUSPENSION,
                people,
                SchoolSuspension.newBuilder()
                        .setSchoolUrn(s.schoolUrn())
                        .setStartDate(s.startDate())
                        .setSessions(s.sessions())
                        .setReason(s.reason())
                        .setPupil(children(people))
                        .setNotes(s.notes())
                        .build());
    }

    static HubRecord exclusion(ExclusionRequest in, String recordId, Instant at) {
        ExclusionRequest.Exclusion e = in.exclusion();
        List<Person> people = people(in.people());
        return record(
                recordId,
                at,
                RecordKind.EVENT,
                SchoolsConnector.EXCLUSION,
                people,
                SchoolExclusion.newBuilder()
                        .setSchoolUrn(e.schoolUrn())
                        .setEffectiveDate(e.effectiveDate())
                        .setReason(e.reason())
                        .setPupil(children(people))
                        .setNotes(e.notes())
                        .build());
    }

    static HubRecord missingEducation(MissingEducationRequest in, String recordId, Instant at) {
        MissingEducationRequest.MissingEducation m = in.missingEducation();
        List<Person> people = people(in.people());
        return record(
                recordId,
                at,
                RecordKind.STATE,
                SchoolsConnector.MISSING_EDUCATION,
                people,
                MissingEducation.newBuilder()
                        .setStatus(MissingEducationStatus.valueOf(m.status()))
                        .setSince(m.since())
                        .setLastSchoolUrn(m.lastSchoolUrn())
                        .setChild(children(people))
                        .setNotes(m.notes())
                        .build());
    }

    static HubRecord homeEducation(ElectiveHomeEducationRequest in, String recordId, Instant at) {
        ElectiveHomeEducationRequest.HomeEducation h = in.homeEducation();
        List<Person> people = people(in.people());
        return record(
                recordId,
                at,
                RecordKind.STATE,
                SchoolsConnector.HOME_EDUCATION,
                people,
                ElectiveHomeEducation.newBuilder()
                        .setStatus(ElectiveHomeEducationStatus.valueOf(h.status()))
                        .setSince(h.since())
                        .setPreviousSchoolUrn(h.previousSchoolUrn())
                        .setChild(children(people))
                        .setNotes(h.notes())
                        .build());
    }

    static List<Person> people(List<PersonInput> people) {
        return people.stream().map(PersonInput::toAvro).toList();
    }

    private static List<String> children(List<Person> people) {
        return people.stream()
                .filter(p -> p.getRole() == Role.CHILD)
                .map(Person::getRef)
                .toList();
    }

    private static HubRecord record(
            String recordId, Instant at, RecordKind kind, String type, List<Person> people, GenericContainer payload) {
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(kind)
                .setType(type)
                .setProvider(SchoolsConnector.PARTNER)
                .setReceivedAt(at)
                .setPeople(people)
                .setPayload(Payloads.encode(payload))
                .build();
    }
}

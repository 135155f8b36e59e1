package org.earlyhelp.hub.connector.schools.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.schools.SchoolsConnector;
import org.earlyhelp.hub.connector.schools.schema.ElectiveHomeEducation;
import org.earlyhelp.hub.connector.schools.schema.ElectiveHomeEducationStatus;
import org.earlyhelp.hub.connector.schools.schema.MissingEducation;
import org.earlyhelp.hub.connector.schools.schema.SchoolExclusion;
import org.earlyhelp.hub.connector.schools.schema.SchoolSuspension;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.schema.payload.PayloadTypes;
import org.junit.jupiter.api.Test;

/** Realistic bodies through the strict reader and the mapper, and what each sender may assert. */
class SchoolsRecordMapperTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    final SchoolsRecordReader reader =
            new SchoolsRecordReader(Validation.buildDefaultValidatorFactory().getValidator());
    final PayloadTypes types = PayloadTypes.of(
            new SchoolsConnector().recordTypes().stream().map(t -> t.payload()).toList());

    static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void attendanceFromSessionCountsIsAPersistentAbsenceStateBelowNinetyPercent() throws Exception {
        // Given a school's attendance with 103 of 120 sessions attended
        AttendanceRequest in = reader.attendance(body(Samples.ATTENDANCE));

        // When mapped
        HubRecord record = SchoolsRecordMapper.attendance(in, "r-1", AT);

        // Then it is a State of the registered type with the percentage worked out, for the child only
        assertThat(record.getKind()).isEqualTo(RecordKind.STATE);
        assertThat(record.getType()).isEqualTo("school-attendance");
        SchoolAttendance a = types.decode(record.getType(), record.getPayload(), SchoolAttendance.class);
        assertThat(a.getAttendancePercent()).isEqualTo(85.8);
        assertThat(a.getPersistentAbsence()).isTrue();
        assertThat(a.getSuspensions()).isEqualTo(1);
        assertThat(a.getPupil()).containsExactly("p1");
        assertThat(record.getPeople()).hasSize(2);
        assertThat(record.getPeople().get(0).getUpn()).isEqualTo("A123456789012");
    }

    @Test
    void attendanceAtNinetyPercentIsNotPersistentAbsence() throws Exception {
        AttendanceRequest in = reader.attendance(body(Samples.ATTENDANCE.replace("103", "108")));
        SchoolAttendance a = types.decode(
                "school-attendance", SchoolsRecordMapper.attendance(in, "r", AT).getPayload(), SchoolAttendance.class);
        assertThat(a.getAttendancePercent()).isEqualTo(90.0);
        assertThat(a.getPersistentAbsence()).isFalse();
    }

    @Test
    void moreSessionsAttendedThanPossibleIsRefusedByField() {
        assertThatThrownBy(() -> reader.attendance(body(Samples.ATTENDANCE.replace("103", "121"))))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .containsExactly("attendance.sessionsAttended"));
    }

    @Test
    void attendanceWithNeitherSessionsNorPercentageIsRefused() {
        String body =
                Samples.ATTENDANCE.replace("\"sessionsPossible\": 120,", "").replace("\"sessionsAttended\": 103,", "");
        assertThatThrownBy(() -> reader.attendance(body(body)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .containsExactly("attendance.attendancePercent"));
    }

    @Test
    void suspensionAndExclusionAreEventsOfTheirOwnTypes() throws Exception {
        HubRecord s = SchoolsRecordMapper.suspension(reader.suspension(body(Samples.SUSPENSION)), "r", AT);
        assertThat(s.getKind()).isEqualTo(RecordKind.EVENT);
        SchoolSuspension suspension = types.decode(s.getType(), s.getPayload(), SchoolSuspension.class);
        assertThat(suspension.getSessions()).isEqualTo(4);
        assertThat(suspension.getReason()).isEqualTo("PD");
        assertThat(suspension.getStartDate()).isEqualTo(LocalDate.of(2026, 11, 20));

        HubRecord x = SchoolsRecordMapper.exclusion(reader.exclusion(body(Samples.EXCLUSION)), "r", AT);
        assertThat(x.getType()).isEqualTo("school-exclusion");
        assertThat(types.decode(x.getType(), x.getPayload(), SchoolExclusion.class)
                        .getPupil())
                .containsExactly("p1");
    }

    @Test
    void missingEducationAndHomeEducationAreStates() throws Exception {
        HubRecord m = SchoolsRecordMapper.missingEducation(reader.missingEducation(body(Samples.MISSING)), "r", AT);
        assertThat(m.getKind()).isEqualTo(RecordKind.STATE);
        assertThat(types.decode(m.getType(), m.getPayload(), MissingEducation.class)
                        .getLastSchoolUrn())
                .isEqualTo("123456");
        HubRecord h = SchoolsRecordMapper.homeEducation(reader.homeEducation(body(Samples.HOME)), "r", AT);
        assertThat(types.decode(h.getType(), h.getPayload(), ElectiveHomeEducation.class)
                        .getStatus())
                .isEqualTo(ElectiveHomeEducationStatus.ACTIVE);
    }

    @Test
    void aRecordAboutNoChildIsRefused() {
        String noChild = Samples.SUSPENSION.replace("\"role\": \"CHILD\"", "\"role\": \"OTHER\"");
        assertThatThrownBy(() -> reader.suspension(body(noChild)))
                .isInstanceOfSatisfying(
                        RequestRejected.class,
                        e -> assertThat(e.errors().toString()).contains("must name at least one CHILD"));
    }

    @Test
    void aSchoolMayReportOnlyItsOwnUrnAndTheEducationServiceAny() throws Exception {
        AttendanceRequest in = reader.attendance(body(Samples.ATTENDANCE));
        Organisation other = new Organisation("schools", "654321");
        assertThatThrownBy(() -> SchoolsAuthority.check(
                        other,
                        SchoolsAuthority.Sender.SCHOOL_OR_EDUCATION_SERVICE,
                        "attendance.schoolUrn",
                        "123456",
                        in.people()))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errors())
                            .extracting(f -> f.field())
                            .containsExactly("attendance.schoolUrn", "people[0].schoolUrn");
                });
        SchoolsAuthority.check(
                new Organisation("schools", "123456"),
                SchoolsAuthority.Sender.SCHOOL_OR_EDUCATION_SERVICE,
                "attendance.schoolUrn",
                "123456",
                in.people());
        SchoolsAuthority.check(
                Organisation.parse("council:education-service"),
                SchoolsAuthority.Sender.SCHOOL_OR_EDUCATION_SERVICE,
                "attendance.schoolUrn",
                "123456",
                List.of());
    }

    @Test
    void onlyTheEducationServiceRecordsHomeEducationOrMissingEducation() {
        for (Organisation o :
                List.of(new Organisation("schools", "123456"), Organisation.parse("council:housing-options"))) {
            assertThatThrownBy(() -> SchoolsAuthority.check(
                            o, SchoolsAuthority.Sender.EDUCATION_SERVICE_ONLY, null, null, List.of()))
                    .isInstanceOfSatisfying(
                            RequestRejected.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void everyRecordTypeIsFoundByTheConnectorDiscovery() {
        assertThat(Connectors.discover().payloadTypes().type("elective-home-education"))
                .isPresent();
    }
}

package org.earlyhelp.hub.connector.schools.inbound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.schools.ehe.ElectiveHomeEducationRegister;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsAuthority.Sender;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.schema.HubRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records from schools and the council's education service. The provider is the authenticated organisation, never the
 * body; what it may not assert at all (another school's URN, a state only the education service records) is a 403
 * before anything is stored; the answer is 202 only once Kafka holds the record. An {@code Idempotency-Key} header
 * makes a retried post the same record.
 */
@RestController
@RequestMapping(path = "/api/schools", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "schools", description = "Inbound records from schools and the council's education service")
public class SchoolsRecordsController {

    private final SchoolsRecordReader reader;
    private final RecordIntake intake;
    private final PartnerMetrics metrics;
    private final ElectiveHomeEducationRegister homeEducation;

    public SchoolsRecordsController(
            SchoolsRecordReader reader,
            RecordIntake intake,
            @Qualifier("schoolsMetrics") PartnerMetrics schoolsMetrics,
            ElectiveHomeEducationRegister homeEducation) {
        this.reader = reader;
        this.intake = intake;
        this.metrics = schoolsMetrics;
        this.homeEducation = homeEducation;
    }

    @Operation(
            summary = "Send a pupil's attendance for a term (a school: its own URN; the education service: any URN)",
            description = "Session counts (possible, attended) or the percentage; under 90% is persistent absence."
                    + " A school's attendance puts the pupil on its roll; the education service's corroborates it.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> attendance(HttpServletRequest request) throws IOException {
        Caller caller = caller(request);
        AttendanceRequest body = read(() -> reader.attendance(request.getInputStream()));
        authorise(
                caller,
                Sender.SCHOOL_OR_EDUCATION_SERVICE,
                "attendance.schoolUrn",
                body.attendance().schoolUrn(),
                body.people());
        return accept(
                request, caller, (id, at) -> withheld(SchoolsRecordMapper.attendance(body, id, at), body.withheld()));
    }

    @Operation(
            summary = "Report a fixed-period suspension (the suspending school)",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> suspension(HttpServletRequest request) throws IOException {
        Caller caller = caller(request);
        SuspensionRequest body = read(() -> reader.suspension(request.getInputStream()));
        authorise(
                caller,
                Sender.SCHOOL_OR_EDUCATION_SERVICE,
                "suspension.schoolUrn",
                body.suspension().schoolUrn(),
                body.people());
        return accept(
                request, caller, (id, at) -> withheld(SchoolsRecordMapper.suspension(body, id, at), body.withheld()));
    }

    @Operation(
            summary = "Report a permanent exclusion (the excluding school)",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/exclusions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> exclusion(HttpServletRequest request) throws IOException {
        Caller caller = caller(request);
        ExclusionRequest body = read(() -> reader.exclusion(request.getInputStream()));
        authorise(
                caller,
                Sender.SCHOOL_OR_EDUCATION_SERVICE,
                "exclusion.schoolUrn",
                body.exclusion().schoolUrn(),
                body.people());
        return accept(
                request, caller, (id, at) -> withheld(SchoolsRecordMapper.exclusion(body, id, at), body.withheld()));
    }

    @Operation(
            summary = "Record a child missing education (the council's education service only)",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/missing-education", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> missingEducation(HttpServletRequest request) throws IOException {
        Caller caller = caller(request);
        SchoolsAuthority.check(caller.organisation(), Sender.EDUCATION_SERVICE_ONLY, null, null, List.of());
        MissingEducationRequest body = read(() -> reader.missingEducation(request.getInputStream()));
        return accept(
                request,
                caller,
                (id, at) -> withheld(SchoolsRecordMapper.missingEducation(body, id, at), body.withheld()));
    }

    @Operation(
            summary = "Record a child in elective home education (the council's education service only)",
            description = "While ACTIVE, notifications about the child go to the council's EHE team, not a school.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/elective-home-education", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> homeEducation(HttpServletRequest request) throws IOException {
        Caller caller = caller(request);
        SchoolsAuthority.check(caller.organisation(), Sender.EDUCATION_SERVICE_ONLY, null, null, List.of());
        ElectiveHomeEducationRequest body = read(() -> reader.homeEducation(request.getInputStream()));
        ResponseEntity<Map<String, Object>> answer = accept(
                request,
                caller,
                (id, at) -> withheld(SchoolsRecordMapper.homeEducation(body, id, at), body.withheld()));
        // after Kafka holds the record: a replay writes the same state again, harmlessly
        homeEducation.record(body, String.valueOf(answer.getBody().get("id")));
        return answer;
    }

    private static Caller caller(HttpServletRequest request) {
        if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new RequestRejected(
                403, List.of(new FieldError(null, "a school or education service credential is needed")));
    }

    private void authorise(Caller caller, Sender sender, String urnField, String urn, List<PersonInput> people) {
        try {
            SchoolsAuthority.check(caller.organisation(), sender, urnField, urn, people);
        } catch (RequestRejected e) {
            metrics.rejected();
            throw e;
        }
    }

    private <T> T read(Body<T> body) throws IOException {
        try {
            return body.read();
        } catch (RequestRejected e) {
            metrics.rejected();
            throw e;
        }
    }

    private ResponseEntity<Map<String, Object>> accept(
            HttpServletRequest request, Caller caller, BiFunction<String, Instant, HubRecord> build) {
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(IdempotentIntake.HEADER, e.getMessage());
        }
        RecordIntake.Accepted accepted = intake.accept(caller.organisation(), keys, build);
        if (!accepted.replay()) {
            metrics.received();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }

    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException;
    }

    /** The record with what the school withholds as more detrimental to the child. */
    private static org.earlyhelp.hub.schema.HubRecord withheld(
            org.earlyhelp.hub.schema.HubRecord record,
            java.util.List<org.earlyhelp.hub.connector.api.inbound.WithheldInput> withheld) {
        return org.earlyhelp.hub.schema.HubRecord.newBuilder(record)
                .setWithheld(org.earlyhelp.hub.connector.api.inbound.WithheldInput.toAvro(withheld))
                .build();
    }
}

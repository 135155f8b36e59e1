package org.earlyhelp.hub.connector.casesystem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.schema.HubRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case system's endpoints: involvements (with people in the hub's shape or the DfE draft Person standard's),
 * referrals both ways, and Early Help Assessments with their consent. The provider is the authenticated
 * organisation, never the body; each answers 202 with the hub's id only once Kafka holds the record, and refuses a
 * body with every field and reason in the hub's one error shape.
 */
@RestController
@RequestMapping(
        path = "/api/casesystem",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "casesystem", description = "Inbound records from the council's early help and social care case system")
public class CaseSystemController {

    private final CaseSystemIntake intake;

    public CaseSystemController(RecordIntake intake, StrictJsonReader reader, CaseSystemMetrics metrics, Clock clock) {
        this.intake = new CaseSystemIntake(intake, reader, metrics.partner(), clock);
    }

    @Operation(
            summary = "Send a case involvement (opened, or closed) with its lead practitioner and level of need",
            description = "An open involvement with a named lead practitioner establishes the open-involvement"
                    + " relationship a family-view pull may rest on; closed, closing or ended ends it.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/involvements")
    public ResponseEntity<Map<String, Object>> involvement(HttpServletRequest request) throws IOException {
        Caller caller = CaseSystemIntake.caller(request);
        LocalDate today = intake.today();
        CaseSystemInvolvementRequest body = intake.read(
                request, CaseSystemInvolvementRequest.class, b -> CaseSystemInvolvementMapper.problems(b, today));
        return accepted(intake.accept(
                caller,
                request,
                Optional.empty(),
                CaseSystemInvolvementMapper.asOf(body.caseInvolvement(), today),
                (id, at) -> HubRecord.newBuilder(CaseSystemInvolvementMapper.toRecord(
                                body.people().stream().map(PersonInput::toAvro).toList(),
                                body.caseInvolvement(),
                                id,
                                at))
                        .setWithheld(WithheldInput.toAvro(body.withheld()))
                        .build()));
    }

    @Operation(
            summary = "Send a case involvement whose people are in the DfE draft Person standard shape",
            description = "Each person is {ref, role, person}, person holding Identifier, Name, DateOfBirth, Address,"
                    + " Gender and SexCode as the standard names them.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/people-standard/involvements")
    public ResponseEntity<Map<String, Object>> standardInvolvement(HttpServletRequest request) throws IOException {
        Caller caller = CaseSystemIntake.caller(request);
        LocalDate today = intake.today();
        CaseSystemStandardInvolvementRequest body =
                intake.read(request, CaseSystemStandardInvolvementRequest.class, b -> b.problems(today));
        return accepted(intake.accept(
                caller,
                request,
                Optional.empty(),
                CaseSystemInvolvementMapper.asOf(body.caseInvolvement(), today),
                (id, at) -> CaseSystemInvolvementMapper.toRecord(
                        body.people().stream()
                                .map(e -> CaseSystemPersonStandardMapper.toAvro(e.ref(), e.role(), e.person()))
                                .toList(),
                        body.caseInvolvement(),
                        id,
                        at)));
    }

    @Operation(
            summary = "Send a referral: a step up to children's social care, or a step down to early help",
            description = "The referral's reference is the case system's own key: posting it again is the same"
                    + " record, with different content a 409.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/referrals")
    public ResponseEntity<Map<String, Object>> referral(HttpServletRequest request) throws IOException {
        Caller caller = CaseSystemIntake.caller(request);
        CaseSystemReferralRequest body =
                intake.read(request, CaseSystemReferralRequest.class, CaseSystemReferralMapper::problems);
        return accepted(intake.accept(
                caller,
                request,
                Optional.of(IdempotentIntake.referenceKey(
                        "referral.reference",
                        CaseSystemReferralMapper.TYPE + "/" + body.referral().reference())),
                body.referral().referredOn(),
                (id, at) -> CaseSystemReferralMapper.toRecord(body, id, at)));
    }

    @Operation(
            summary = "Send a completed Early Help Assessment with the consent the family gave or refused in it",
            description = "The assessment's reference is the case system's own key. The consent names its basis,"
                    + " signed reference, agreements in scope, expiry, the people it covers and who recorded it.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/assessments")
    public ResponseEntity<Map<String, Object>> assessment(HttpServletRequest request) throws IOException {
        Caller caller = CaseSystemIntake.caller(request);
        CaseSystemAssessmentRequest body =
                intake.read(request, CaseSystemAssessmentRequest.class, CaseSystemAssessmentMapper::problems);
        return accepted(intake.accept(
                caller,
                request,
                Optional.of(IdempotentIntake.referenceKey(
                        "assessment.reference",
                        CaseSystemAssessmentMapper.TYPE + "/"
                                + body.assessment().reference())),
                body.assessment().completedOn(),
                (id, at) -> CaseSystemAssessmentMapper.toRecord(body, id, at)));
    }

    private static ResponseEntity<Map<String, Object>> accepted(RecordIntake.Accepted accepted) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }
}

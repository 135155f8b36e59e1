package org.earlyhelp.hub.connector.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health involvements, posted as the hub's JSON by a health organisation (the FHIR endpoints come with the health
 * issue). The provider is the authenticated organisation, never the body; 202 only once Kafka holds the record.
 */
@RestController
@Tag(name = "health", description = "Inbound records from health")
public class HealthRecordsController {

    private final RecordIntake intake;
    private final PartnerMetrics metrics;

    public HealthRecordsController(
            RecordIntake intake, io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.metrics = new PartnerMetrics(meters, HealthConnector.PARTNER, clock);
    }

    @Operation(
            summary = "Send a health involvement (health visiting, school nursing, CAMHS)",
            description = "Answers 202 with the hub's id once stored; each problem in a rejected body is named by"
                    + " field and reason. A named team establishes the involvement relationship a pull may rest on.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(
            path = "/api/health/involvements",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(
            HttpServletRequest request, @Valid @RequestBody HealthInvolvementRequest body) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || !caller.organisation().isKind(HealthConnector.PARTNER)) {
            throw new RequestRejected(403, List.of(new FieldError(null, "only a health organisation may post this")));
        }
        List<FieldError> problems = PersonInput.problems(body.people(), "people");
        if (!problems.isEmpty()) {
            metrics.rejected();
            throw new RequestRejected(problems);
        }
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(IdempotentIntake.HEADER, e.getMessage());
        }
        RecordIntake.Accepted accepted = intake.accept(caller.organisation(), keys, (id, at) -> toRecord(body, id, at));
        if (!accepted.replay()) {
            metrics.received();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }

    static HubRecord toRecord(HealthInvolvementRequest in, String recordId, java.time.Instant receivedAt) {
        HealthInvolvementRequest.Involvement v = in.involvement();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.INVOLVEMENT)
                .setType("health-involvement")
                .setProvider(HealthConnector.PARTNER)
                .setReceivedAt(receivedAt)
                .setPeople(in.people().stream().map(PersonInput::toAvro).toList())
                .setPayload(Payloads.encode(HealthInvolvement.newBuilder()
                        .setService(v.service())
                        .setSince(v.since())
                        .setTeam(v.team())
                        .setClinicalNotes(v.clinicalNotes())
                        .build()))
                .setWithheld(org.earlyhelp.hub.connector.api.inbound.WithheldInput.toAvro(in.withheld()))
                .build();
    }
}

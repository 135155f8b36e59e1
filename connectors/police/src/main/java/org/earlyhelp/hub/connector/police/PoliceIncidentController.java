package org.earlyhelp.hub.connector.police;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The police system's endpoint for domestic abuse incidents (Operation Encompass). The incident reference is the
 * force's own key for it, so a retried post, with or without an {@code Idempotency-Key} header, is the same incident
 * and gets the first answer; {@link RecordIntake} publishes it to {@code hub.inbound.police} and answers only once
 * Kafka holds it.
 */
@RestController
@RequestMapping("/api/police")
@Tag(name = "police", description = "Inbound records from the police force")
public class PoliceIncidentController {

    /**
     * Request attribute holding the authenticated partner's kind, still set by the hub's authentication filter; this
     * controller reads the {@code Caller} instead.
     */
    public static final String PARTNER_ATTRIBUTE = "org.earlyhelp.hub.partner";

    private final PoliceIncidentReader reader;
    private final PoliceIntake intake;

    public PoliceIncidentController(Validator validator, Clock clock, PoliceIntake intake) {
        this.reader = new PoliceIncidentReader(validator, clock);
        this.intake = intake;
    }

    @Operation(
            summary = "Report a domestic abuse incident involving children (Operation Encompass)",
            description = "Answers 202 only once the incident is durably stored; quote the returned id in any"
                    + " query. Each problem in a rejected body is named by field and reason.",
            security = @SecurityRequirement(name = "partner-token"),
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = PoliceIncidentRequest.class))),
            responses = {
                @ApiResponse(responseCode = "202", description = "accepted and stored"),
                @ApiResponse(responseCode = "400", description = "the body is wrong: see errors"),
                @ApiResponse(responseCode = "401", description = "no valid partner credential"),
                @ApiResponse(responseCode = "403", description = "the credential is not a police force's"),
                @ApiResponse(responseCode = "409", description = "the reference or key was used for another incident"),
                @ApiResponse(responseCode = "503", description = "not stored: try again")
            })
    @PostMapping(
            path = "/incidents",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request) throws IOException {
        Organisation force = intake.force(request);
        PoliceIncidentRequest incident;
        try {
            incident = reader.read(request.getInputStream());
        } catch (RequestRejected e) {
            intake.rejected();
            throw e; // the hub's one error advice answers it
        }
        RecordIntake.Accepted accepted = intake.submit(
                force,
                PoliceIntake.keys(
                        IdempotentIntake.referenceKey("reference", incident.reference()),
                        request.getHeader(IdempotentIntake.HEADER)),
                (id, at) -> PoliceIncidentMapper.toRecord(incident, id, PoliceConnector.PARTNER, at),
                incident.occurredAt().toInstant());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }
}

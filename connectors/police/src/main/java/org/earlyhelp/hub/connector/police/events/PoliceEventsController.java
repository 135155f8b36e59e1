package org.earlyhelp.hub.connector.police.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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
import org.earlyhelp.hub.connector.police.PoliceIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The force's endpoints for missing episodes, anti-social behaviour and youth offending outcomes: JSON in, read
 * strictly, 202 with the hub's id once Kafka holds the record. Each problem in a refused body is named by field and
 * reason; a retry under the same reference (or {@code Idempotency-Key}) gets the first answer.
 */
@RestController
@RequestMapping("/api/police")
@Tag(name = "police", description = "Inbound records from the police force")
public class PoliceEventsController {

    private final PoliceEventReader reader;
    private final PoliceIntake intake;

    public PoliceEventsController(Validator validator, Clock clock, PoliceIntake intake) {
        this.reader = new PoliceEventReader(validator, clock);
        this.intake = intake;
    }

    @Operation(
            summary = "Report a step of a child's missing episode: reported missing, found, return interview offered",
            security = @SecurityRequirement(name = "partner-token"),
            requestBody =
                    @RequestBody(content = @Content(schema = @Schema(implementation = MissingEpisodeRequest.class))))
    @PostMapping(
            path = "/missing-episodes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> missing(HttpServletRequest request) throws IOException {
        return accept(request, MissingEpisodeRequest.class);
    }

    @Operation(
            summary = "Report anti-social behaviour involving children, and the action taken",
            security = @SecurityRequirement(name = "partner-token"),
            requestBody =
                    @RequestBody(
                            content = @Content(schema = @Schema(implementation = AntiSocialBehaviourRequest.class))))
    @PostMapping(
            path = "/anti-social-behaviour",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> asb(HttpServletRequest request) throws IOException {
        return accept(request, AntiSocialBehaviourRequest.class);
    }

    @Operation(
            summary = "Report a youth offending outcome for a child, and any youth justice involvement it starts",
            security = @SecurityRequirement(name = "partner-token"),
            requestBody =
                    @RequestBody(content = @Content(schema = @Schema(implementation = YouthOffendingRequest.class))))
    @PostMapping(
            path = "/youth-offending",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> youth(HttpServletRequest request) throws IOException {
        return accept(request, YouthOffendingRequest.class);
    }

    private <T extends PoliceEventRequest> ResponseEntity<Map<String, Object>> accept(
            HttpServletRequest request, Class<T> type) throws IOException {
        Organisation force = intake.force(request);
        T event;
        try {
            event = reader.read(request.getInputStream(), type);
        } catch (RequestRejected e) {
            intake.rejected();
            throw e; // the hub's one error advice answers it
        }
        RecordIntake.Accepted accepted = intake.submit(
                force,
                PoliceIntake.keys(event.key(), request.getHeader(IdempotentIntake.HEADER)),
                event::toRecord,
                event.occurredAt().toInstant());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }
}

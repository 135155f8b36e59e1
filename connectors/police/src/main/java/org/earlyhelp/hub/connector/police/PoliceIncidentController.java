package org.earlyhelp.hub.connector.police;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The police system's endpoint for domestic abuse incidents. */
@RestController
@RequestMapping("/api/police")
@Tag(name = "police", description = "Inbound records from the police force")
public class PoliceIncidentController {

    /** Request attribute holding the authenticated partner's id, set by the hub's authentication filter. */
    public static final String PARTNER_ATTRIBUTE = "org.earlyhelp.hub.partner";

    static final String PROVIDER = "police";
    private static final Logger log = LoggerFactory.getLogger(PoliceIncidentController.class);

    private final PoliceIncidentReader reader;
    private final ProducerTemplate producer;
    private final RecordCodec codec;
    private final Clock clock;
    private final Counter received;
    private final Counter rejected;
    private final AtRestMinimiser atRest;
    private final IdempotentIntake intake;

    public PoliceIncidentController(
            Validator validator,
            ProducerTemplate producer,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters,
            AtRestMinimiser atRest,
            IdempotentIntake intake) {
        this.intake = intake;
        this.reader = new PoliceIncidentReader(validator, clock);
        this.atRest = atRest;
        this.producer = producer;
        this.codec = codec;
        this.clock = clock;
        this.received = meters.counter("hub.records", "partner", PROVIDER, "outcome", "received");
        this.rejected = meters.counter("hub.records", "partner", PROVIDER, "outcome", "rejected");
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
                @ApiResponse(responseCode = "403", description = "the credential is not the police partner's"),
                @ApiResponse(responseCode = "503", description = "not stored: try again")
            })
    @PostMapping(path = "/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request) throws IOException {
        Object partner = request.getAttribute(PARTNER_ATTRIBUTE);
        if (!PROVIDER.equals(partner)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "only the police partner may post police incidents");
        }
        PoliceIncidentRequest incident;
        try {
            incident = reader.read(request.getInputStream());
        } catch (RequestRejected e) {
            rejected.increment();
            throw e; // the hub's one error advice answers it
        }
        // the incident reference is the police system's own key for it (per organisation); a retried post, with or
        // without an Idempotency-Key header, is the same incident and gets the first answer
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        keys.add(IdempotentIntake.referenceKey("reference", incident.reference()));
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, null, e.getMessage());
        }
        byte[] fingerprint = IdempotentIntake.fingerprint(
                codec.encode(PoliceIncidentMapper.toRecord(incident, "-", PROVIDER, java.time.Instant.EPOCH)));
        IdempotentIntake.Outcome outcome;
        try {
            outcome = intake.accept(providerOrganisation(request), keys, fingerprint, recordId -> {
                // what no agreement could release (the officer's notes) never reaches the inbound topic's segments
                HubRecord record =
                        atRest.minimise(PoliceIncidentMapper.toRecord(incident, recordId, PROVIDER, clock.instant()));
                if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller) {
                    record.setProviderOrganisation(
                            caller.organisation().toString()); // the force, e.g. police:derbyshire
                }
                Exchange result = producer.request(PoliceInboundRoute.ENDPOINT, e -> {
                    e.getMessage().setHeader(KafkaConstants.KEY, recordId);
                    e.getMessage().setBody(codec.encode(record));
                });
                if (result.getException() != null) {
                    throw result.getException();
                }
            });
        } catch (Exception e) {
            log.warn("incident not stored: cause={}", e.getClass().getSimpleName());
            return error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    null,
                    "the incident could not be stored; nothing was accepted: try again");
        }
        if (outcome instanceof IdempotentIntake.Outcome.Accepted a) {
            if (!a.replay()) {
                received.increment();
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", a.recordId(), "status", "accepted"));
        }
        if (outcome instanceof IdempotentIntake.Outcome.Conflict c) {
            return error(
                    HttpStatus.CONFLICT,
                    c.field(),
                    c.field() == null
                            ? "this Idempotency-Key was already used for a different incident"
                            : "this reference was already used for a different incident");
        }
        return error(HttpStatus.CONFLICT, null, "an incident with this key is still being stored: retry shortly");
    }

    /** The provider organisation a key belongs to: the caller's, or the partner kind until every credential has one. */
    static String providerOrganisation(HttpServletRequest request) {
        Object caller = request.getAttribute(org.earlyhelp.hub.governance.access.Caller.REQUEST_ATTRIBUTE);
        if (caller instanceof org.earlyhelp.hub.governance.access.Caller c) {
            return c.organisation().toString();
        }
        return String.valueOf(request.getAttribute(PARTNER_ATTRIBUTE));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String field, String reason) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }
}

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
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.earlyhelp.hub.connector.api.RequestRejected;
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

    public PoliceIncidentController(
            Validator validator,
            ProducerTemplate producer,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters,
            AtRestMinimiser atRest) {
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
        String recordId = UUID.randomUUID().toString();
        // what no agreement could release (the officer's notes) never reaches the inbound topic's segments
        HubRecord record =
                atRest.minimise(PoliceIncidentMapper.toRecord(incident, recordId, PROVIDER, clock.instant()));
        Exchange result = producer.request(PoliceInboundRoute.ENDPOINT, e -> {
            e.getMessage().setHeader(KafkaConstants.KEY, recordId);
            e.getMessage().setBody(codec.encode(record));
        });
        if (result.getException() != null) {
            log.warn(
                    "incident not stored: recordId={} cause={}",
                    recordId,
                    result.getException().getClass().getSimpleName());
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the incident could not be stored; nothing was accepted: try again");
        }
        received.increment();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", recordId, "status", "accepted"));
    }
}

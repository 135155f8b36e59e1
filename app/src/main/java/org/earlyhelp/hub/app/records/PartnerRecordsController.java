package org.earlyhelp.hub.app.records;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.app.config.HubProperties;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Canonical records from partners whose systems can send them as they are: school attendance from schools, health
 * involvements from health, case involvements (with relationships) from the case system. Like the police endpoint,
 * the provider is the authenticated partner and the answer is 202 only once Kafka holds the record.
 */
@RestController
@Tag(name = "records", description = "Inbound canonical records from schools, health and the case system")
public class PartnerRecordsController {

    private static final Logger log = LoggerFactory.getLogger(PartnerRecordsController.class);

    private final Producer<String, byte[]> producer;
    private final RecordCodec codec;
    private final Clock clock;
    private final HubProperties hub;
    private final MeterRegistry meters;
    private final AtRestMinimiser atRest;

    public PartnerRecordsController(
            Producer<String, byte[]> governedProducer,
            RecordCodec codec,
            Clock clock,
            HubProperties hub,
            MeterRegistry meters,
            AtRestMinimiser atRest) {
        this.atRest = atRest;
        this.producer = governedProducer;
        this.codec = codec;
        this.clock = clock;
        this.hub = hub;
        this.meters = meters;
    }

    @Operation(
            summary = "Send a school attendance state, a health involvement or a case involvement",
            description = "The type decides which payload is required and which partner may send it. Answers 202 with"
                    + " the hub's id once stored; each problem in a rejected body is named by field and reason.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(
            path = "/api/records",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(
            HttpServletRequest request, @Valid @RequestBody PartnerRecordRequest body) {
        String partner = (String) request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE);
        if (!PartnerRecordMapper.PROVIDER_OF.containsValue(partner)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this partner does not send canonical records");
        }
        List<FieldError> problems = PartnerRecordMapper.problems(body, partner);
        if (!problems.isEmpty()) {
            meters.counter("hub.records", "partner", partner, "outcome", "rejected")
                    .increment();
            throw new RequestRejected(problems);
        }
        String recordId = UUID.randomUUID().toString();
        // what no agreement could release (clinical or pastoral notes) is never written to Kafka
        HubRecord record = atRest.minimise(PartnerRecordMapper.toRecord(body, recordId, partner, clock.instant()));
        try {
            producer.send(new ProducerRecord<>(inboundTopic(partner), recordId, codec.encode(record)))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn(
                    "record not stored: recordId={} cause={}",
                    recordId,
                    e.getCause() == null
                            ? e.getClass().getSimpleName()
                            : e.getCause().getClass().getSimpleName());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        meters.counter("hub.records", "partner", partner, "outcome", "received").increment();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", recordId, "status", "accepted"));
    }

    private static ResponseStatusException unavailable() {
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "the record could not be stored; nothing was accepted: try again");
    }

    String inboundTopic(String partner) {
        return hub.topics().inboundPrefix() + partner;
    }
}

package org.earlyhelp.hub.app.records;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.app.config.HubProperties;
import org.earlyhelp.hub.connector.api.FieldError;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Canonical records from partners whose systems can send them as they are: school attendance from schools, health
 * involvements from health, case involvements (with relationships) from the case system. Like the police endpoint,
 * the provider is the authenticated organisation (never the body) and the answer is 202 only once Kafka holds the
 * record. A school may report only its own URN: what it may not assert at all is refused with 403.
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
    private final IdempotentIntake intake;

    public PartnerRecordsController(
            Producer<String, byte[]> governedProducer,
            RecordCodec codec,
            Clock clock,
            HubProperties hub,
            MeterRegistry meters,
            AtRestMinimiser atRest,
            IdempotentIntake intake) {
        this.atRest = atRest;
        this.intake = intake;
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
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        String partner = caller.partner();
        if (!PartnerRecordMapper.sendsRecords(partner)) {
            return forbidden(
                    List.of(Map.of("field", "type", "reason", "this partner does not send canonical records")));
        }
        List<FieldError> problems = PartnerRecordMapper.problems(body, partner);
        if (!problems.isEmpty()) {
            meters.counter("hub.records", "partner", partner, "outcome", "rejected")
                    .increment();
            throw new RequestRejected(problems);
        }
        List<Map<String, String>> overreach = PartnerRecordMapper.overreach(body, caller.organisation());
        if (!overreach.isEmpty()) {
            meters.counter("hub.records", "partner", partner, "outcome", "refused")
                    .increment();
            return forbidden(overreach);
        }
        // an Idempotency-Key header makes a retried post the same record: the first answer, nothing new created
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        byte[] fingerprint = IdempotentIntake.fingerprint(
                codec.encode(PartnerRecordMapper.toRecord(body, "-", caller.organisation(), java.time.Instant.EPOCH)));
        IdempotentIntake.Outcome outcome;
        try {
            outcome = intake.accept(caller.organisation().toString(), keys, fingerprint, recordId -> {
                // what no agreement could release (clinical or pastoral notes) is never written to Kafka
                HubRecord record = atRest.minimise(
                        PartnerRecordMapper.toRecord(body, recordId, caller.organisation(), clock.instant()));
                producer.send(new ProducerRecord<>(inboundTopic(partner), recordId, codec.encode(record)))
                        .get(30, TimeUnit.SECONDS);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(
                    HttpStatus.SERVICE_UNAVAILABLE, "the record could not be stored; nothing was accepted: try again");
        } catch (Exception e) {
            log.warn("record not stored: cause={}", e.getClass().getSimpleName());
            return error(
                    HttpStatus.SERVICE_UNAVAILABLE, "the record could not be stored; nothing was accepted: try again");
        }
        if (outcome instanceof IdempotentIntake.Outcome.Accepted a) {
            if (!a.replay()) {
                meters.counter("hub.records", "partner", partner, "outcome", "received")
                        .increment();
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", a.recordId(), "status", "accepted"));
        }
        if (outcome instanceof IdempotentIntake.Outcome.Conflict) {
            return error(HttpStatus.CONFLICT, "this Idempotency-Key was already used for a different record");
        }
        return error(HttpStatus.CONFLICT, "a record with this Idempotency-Key is still being stored: retry shortly");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String reason) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", null);
        error.put("reason", reason);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }

    private static ResponseEntity<Map<String, Object>> forbidden(List<Map<String, String>> problems) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("errors", problems));
    }

    private static ResponseStatusException unavailable() {
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "the record could not be stored; nothing was accepted: try again");
    }

    String inboundTopic(String partner) {
        return hub.topics().inboundPrefix() + partner;
    }
}

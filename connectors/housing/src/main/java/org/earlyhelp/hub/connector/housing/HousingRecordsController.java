package org.earlyhelp.hub.connector.housing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Housing's records as JSON, one endpoint per type ({@code POST /api/housing/tenancies}, {@code .../rent-arrears},
 * {@code .../notices}, {@code .../evictions}, {@code .../homelessness-applications},
 * {@code .../temporary-accommodations}). Read by the hub's one strict reader; 202 only once Kafka holds the record;
 * every refusal names field and reason. The sender is the authenticated housing organisation, never the body.
 */
@RestController
@Tag(name = "housing", description = "Inbound records from housing")
public class HousingRecordsController {

    private final StrictJsonReader reader;
    private final HousingIntake intake;

    HousingRecordsController(StrictJsonReader reader, HousingIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Operation(
            summary = "Send a housing record: tenancies, rent-arrears, notices, evictions, homelessness-applications"
                    + " or temporary-accommodations",
            description = "Answers 202 with the hub's id once stored. The same fact sent again (same reference and"
                    + " dates) is the same record; a different body under it is a 409.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(
            path = "/api/housing/{type}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request, @PathVariable("type") String plural)
            throws IOException {
        Organisation sender = sender(request);
        HousingRecordType type = HousingRecordType.ofPlural(plural)
                .orElseThrow(
                        () -> new RequestRejected(404, List.of(new FieldError(null, "no such housing record type"))));
        List<IdempotentIntake.Key> keys = new ArrayList<>();
        try {
            IdempotentIntake.headerKey(request.getHeader(IdempotentIntake.HEADER))
                    .ifPresent(keys::add);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(IdempotentIntake.HEADER, e.getMessage());
        }
        HousingRequests.Request body;
        try {
            body = read(reader, type, request.getInputStream());
        } catch (RequestRejected e) {
            intake.metrics().rejected();
            throw e;
        }
        RecordIntake.Accepted accepted = intake.accept(sender, type, body, keys, type.bodyKey() + ".reference");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.recordId(), "status", "accepted"));
    }

    /** The body as the type's request, with every problem from the reader and the type's own checks. */
    static HousingRequests.Request read(StrictJsonReader reader, HousingRecordType type, InputStream body)
            throws IOException {
        return readAs(reader, type, type.request(), body);
    }

    private static <T extends HousingRequests.Request> T readAs(
            StrictJsonReader reader, HousingRecordType type, Class<T> cls, InputStream body) throws IOException {
        return reader.read(body, cls, value -> HousingRecordMapper.problems(type, value));
    }

    /** The caller, who must be a housing organisation (the security chain lets only housing credentials here). */
    static Organisation sender(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || !caller.organisation().isKind(HousingConnector.PARTNER)) {
            throw new RequestRejected(
                    403, List.of(new FieldError(null, "only a housing organisation may send housing records")));
        }
        return caller.organisation();
    }
}

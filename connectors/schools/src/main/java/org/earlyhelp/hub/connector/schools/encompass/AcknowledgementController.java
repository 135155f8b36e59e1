package org.earlyhelp.hub.connector.schools.encompass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.schools.SchoolsConnector;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The designated safeguarding lead's acknowledgement of an Operation Encompass notification, with the school's own
 * credential and only for a notification delivered to that school (any other id is a 404, so a school cannot learn
 * which notifications another received); and the escalations, for the council's education service (its Operation
 * Encompass lead) and for the board.
 */
@RestController
@Tag(name = "schools", description = "Operation Encompass acknowledgements and escalations")
public class AcknowledgementController {

    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9:._-]{1,128}");
    private static final Duration FEED = Duration.ofDays(30);

    private final NotificationLog notifications;
    private final Clock clock;

    public AcknowledgementController(NotificationLog notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Operation(
            summary = "Acknowledge receipt of a notification (the school's designated safeguarding lead)",
            description = "Name the lead in X-Hub-Professional. The first acknowledgement stands; a repeat answers"
                    + " the same. A notification not acknowledged by 08:30 on the school day it was due is escalated.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/api/schools/acknowledgements/{deliveryId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> acknowledge(HttpServletRequest request, @PathVariable String deliveryId) {
        Caller caller = caller(request);
        if (!caller.organisation().isKind(SchoolsConnector.PARTNER)) {
            throw new RequestRejected(403, List.of(new FieldError(null, "only the school notified may acknowledge")));
        }
        if (!DELIVERY_ID.matcher(deliveryId).matches()) {
            throw new RequestRejected("deliveryId", "is not a notification id");
        }
        String by = caller.professionalIfNamed().map(Professional::userId).orElse(null);
        NotificationLog.Notification n = notifications
                .acknowledge(deliveryId, caller.organisation().id(), by, clock.instant())
                .orElseThrow(() -> new RequestRejected(
                        404,
                        List.of(new FieldError(
                                "deliveryId", "no notification with this id was delivered to this school"))));
        Map<String, Object> body = view(n);
        body.remove("ledgerSeq");
        return body;
    }

    @Operation(
            summary = "Notifications escalated in the last 30 days (the council's education service)",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping(path = "/api/schools/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> forEducationService(HttpServletRequest request) {
        Organisation organisation = caller(request).organisation();
        if (!SchoolsConnector.EDUCATION_SERVICE.equals(organisation.toString())) {
            throw new RequestRejected(
                    403, List.of(new FieldError(null, "only the council's education service reads escalations here")));
        }
        return feed();
    }

    @Operation(
            summary = "Operation Encompass notifications escalated in the last 30 days (governance credential)",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping(path = "/api/ledger/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> forBoard() {
        return feed();
    }

    private Map<String, Object> feed() {
        return Map.of(
                "escalations",
                notifications.escalated(clock.instant().minus(FEED)).stream()
                        .map(AcknowledgementController::view)
                        .toList());
    }

    private static Map<String, Object> view(NotificationLog.Notification n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deliveryId", n.deliveryId());
        out.put("recipient", n.recipient());
        out.put("agreementId", n.agreementId());
        out.put("deliveredAt", n.deliveredAt().toString());
        out.put("dueAt", n.dueAt().toString());
        out.put(
                "acknowledgedAt",
                n.acknowledgedAt() == null ? null : n.acknowledgedAt().toString());
        out.put("escalatedAt", n.escalatedAt() == null ? null : n.escalatedAt().toString());
        out.put("ledgerSeq", n.escalationSeq());
        return out;
    }

    private static Caller caller(HttpServletRequest request) {
        if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new RequestRejected(403, List.of(new FieldError(null, "a credential is needed")));
    }
}

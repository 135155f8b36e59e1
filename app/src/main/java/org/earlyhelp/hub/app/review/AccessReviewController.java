package org.earlyhelp.hub.app.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.relationship.Corroboration;
import org.earlyhelp.hub.governance.relationship.Relationship;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.governance.review.AccessReview;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The board's access review, for the governance credential only. */
@RestController
@Tag(name = "governance", description = "For the data governance board")
public class AccessReviewController {

    static final String GOVERNANCE = "governance";

    private final DisclosureLedger ledger;
    private final RelationshipRegister relationships;
    private final PersonIndex index;
    private final Clock clock;

    public AccessReviewController(
            DisclosureLedger ledger, RelationshipRegister relationships, PersonIndex index, Clock clock) {
        this.ledger = ledger;
        this.relationships = relationships;
        this.index = index;
        this.clock = clock;
    }

    @Operation(
            summary =
                    "Pulls that deserve a look: soon after a first record, in bursts, on uncorroborated relationships",
            description = "From the ledger's PULL entries of the last 'hours' (default 24) and the relationship"
                    + " register: pulls within 'withinMinutes' (default 10) of the requester's first record about the"
                    + " person, more than 'burstPulls' (default 20) pulls by one organisation within 'burstMinutes'"
                    + " (default 5), pulls resting on uncorroborated relationships, pulls refused for want of one,"
                    + " and school roll relationships the council's education service has not corroborated.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/access-review")
    public ResponseEntity<?> review(
            HttpServletRequest request,
            @RequestParam(value = "hours", defaultValue = "24") int hours,
            @RequestParam(value = "withinMinutes", defaultValue = "10") int withinMinutes,
            @RequestParam(value = "burstPulls", defaultValue = "20") int burstPulls,
            @RequestParam(value = "burstMinutes", defaultValue = "5") int burstMinutes) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || !caller.organisation().isKind(GOVERNANCE)) {
            return error(403, null, "only the governance board may read the access review");
        }
        if (hours < 1 || hours > 24 * 90 || withinMinutes < 0 || burstPulls < 1 || burstMinutes < 1) {
            return error(400, null, "hours 1..2160, withinMinutes >= 0, burstPulls >= 1, burstMinutes >= 1");
        }
        Instant since = clock.instant().minus(Duration.ofHours(hours));
        AccessReview.Thresholds t = new AccessReview.Thresholds(
                Duration.ofMinutes(withinMinutes), burstPulls, Duration.ofMinutes(burstMinutes));
        return ResponseEntity.ok(report(since, t));
    }

    /** The report over the pulls since then: for this controller and the console's page. */
    public AccessReview.Report report(Instant since, AccessReview.Thresholds t) {
        return AccessReview.of(since, ledger.events(EntryType.PULL, since), uncorroborated(since), t);
    }

    /** Live pupil-on-roll relationships established since then that the council's roll records do not confirm. */
    private List<AccessReview.UncorroboratedRelationship> uncorroborated(Instant since) {
        List<AccessReview.UncorroboratedRelationship> out = new ArrayList<>();
        for (Relationship r : relationships.liveOfKind(RelationshipKind.PUPIL_ON_ROLL, since, 500)) {
            String source = r.recordKey().substring(0, r.recordKey().indexOf('/'));
            String sourceRecordId = r.recordKey().substring(r.recordKey().indexOf('/') + 1);
            List<String> keys = index.personOf(source, sourceRecordId).stream()
                    .flatMap(p -> index.recordsOf(p).stream())
                    .map(IndexedRecord::recordKey)
                    .toList();
            if (relationships.corroboration(r, keys) == Corroboration.UNCORROBORATED) {
                out.add(new AccessReview.UncorroboratedRelationship(
                        r.id(), r.organisation(), r.kind().yamlName(), r.detail(), r.establishedAt()));
            }
        }
        return out;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return error(400, e.getName(), "must be a whole number");
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String field, String reason) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("field", field);
        e.put("reason", reason);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(e)));
    }
}

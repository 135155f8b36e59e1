package org.earlyhelp.hub.app.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.earlyhelp.hub.app.review.DisclosureReviewController;
import org.earlyhelp.hub.governance.replay.ReplayDone;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each partner's dead letters, and their consent-aware replay, for the data governance board. */
@RestController
@Tag(name = "governance", description = "For the data governance board")
public class DeadLetterController {

    private final DeadLetterService service;
    private final Set<String> partners;

    public DeadLetterController(DeadLetterService service, org.earlyhelp.hub.connector.api.Connectors connectors) {
        this.service = service;
        Set<String> all = new java.util.TreeSet<>(connectors.providers());
        all.addAll(connectors.delivering());
        this.partners = Set.copyOf(all);
    }

    @Operation(
            summary = "A partner's latest dead letters, with their reasons and whether each was replayed",
            description = "kind: DISCLOSURE (its recipient refused it; a replay decides it again), RECORD (it could not"
                    + " be governed; a replay governs it again) or AS_SENT (what the partner sent, refused as sent: the"
                    + " partner sends it again). Ids and reasons only, never a field's value. Reading moves no offset.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/dead-letters")
    public ResponseEntity<?> list(
            @RequestParam("partner") String partner, @RequestParam(value = "limit", defaultValue = "50") int limit) {
        if (!partners.contains(partner)) {
            return error(400, "partner", "one of " + new java.util.TreeSet<>(partners));
        }
        if (limit < 1 || limit > 500) {
            return error(400, "limit", "1..500");
        }
        List<Map<String, Object>> letters = service.latest(partner, limit).stream()
                .map(DeadLetterController::view)
                .toList();
        return ResponseEntity.ok(Map.of("partner", partner, "letters", letters));
    }

    @Operation(
            summary = "Replay a dead letter, decided again under today's agreements and consent",
            description = "A disclosure is never resent on the decision it was dead-lettered with: it is decided again"
                    + " now (agreement in force, consent as recorded now) and ledgered with the replayer; a PERMIT is"
                    + " sent under a new delivery id, a REVIEW is held in the review queue, a DENY sends nothing. A"
                    + " record is put back on its inbound topic. Each letter is replayed once (409 after). Name the"
                    + " professional with X-Hub-Professional and X-Hub-Professional-Role.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/dead-letters/{letter}/replay")
    public ResponseEntity<?> replay(HttpServletRequest request, @PathVariable("letter") String letter) {
        String replayer = DisclosureReviewController.decider(request);
        if (replayer == null) {
            return error(400, "X-Hub-Professional", "name the professional who replays it");
        }
        if (!DeadLetters.LETTER.matcher(letter).matches()) {
            return error(400, "letter", "a letter id: <partner>.<partition>.<offset>");
        }
        DeadLetterService.Replayed r = service.replay(letter, replayer);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("letter", r.letter());
        out.put("outcome", r.outcome());
        out.put("replayedBy", r.by());
        out.put("reasons", r.reasons());
        return ResponseEntity.ok(out);
    }

    static Map<String, Object> view(DeadLetterService.Listed l) {
        DeadLetters.Letter d = l.letter();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("at", d.at().toString());
        out.put("kind", d.kind().name());
        out.put("reason", d.reason());
        out.put("attempts", d.attempts());
        out.put("recordId", d.recordId());
        out.put("recordType", d.recordType());
        out.put("deliveryId", d.deliveryId());
        out.put("recipient", d.recipient());
        out.put("agreementId", d.agreementId());
        out.put("replayable", l.replayable());
        if (l.replay() != null) {
            out.put(
                    "replay",
                    Map.of(
                            "outcome", l.replay().outcome(),
                            "by", l.replay().by(),
                            "at", l.replay().at().toString()));
        }
        return out;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<?> missing(NoSuchElementException e) {
        return error(404, "letter", "no dead letter has that id");
    }

    @ExceptionHandler(ReplayDone.class)
    ResponseEntity<?> done(ReplayDone e) {
        return error(409, "letter", e.getMessage());
    }

    @ExceptionHandler(DeadLetterService.NotReplayable.class)
    ResponseEntity<?> notReplayable(DeadLetterService.NotReplayable e) {
        return error(409, "letter", e.getMessage());
    }

    private static ResponseEntity<?> error(int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }
}

package org.earlyhelp.hub.app.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.ReleaseRefused;
import org.earlyhelp.hub.governance.override.OverrideRefused;
import org.earlyhelp.hub.governance.override.SafeguardingOverride;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.governance.review.ReviewClosed;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disclosure review queue and safeguarding overrides. The board lists the queue and releases or refuses items (a
 * named professional of the governance credential decides, and is ledgered as the decider); a party to an agreement
 * asserts an override for a record held for review under it.
 */
@RestController
@Tag(name = "governance", description = "For the data governance board")
public class DisclosureReviewController {

    private final DisclosureReviews reviews;
    private final DisclosureReviewService service;
    private final SafeguardingOverrides overrides;
    private final PolicyDecisionPoint pdp;
    private final org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger;
    private final Clock clock;

    public DisclosureReviewController(
            DisclosureReviews reviews,
            DisclosureReviewService service,
            SafeguardingOverrides overrides,
            PolicyDecisionPoint pdp,
            org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger,
            Clock clock) {
        this.ledger = ledger;
        this.reviews = reviews;
        this.service = service;
        this.overrides = overrides;
        this.pdp = pdp;
        this.clock = clock;
    }

    /** What a release may carry: the address found within the item's recipient partner (a school's URN). */
    public record ReleaseBody(String recipientAddress) {}

    /** A refusal's coded reason (governance-terms.yaml, review-refusal). */
    public record RefuseBody(String reason) {}

    /** An override: the record held for review, the agreement, the legal gateway cited, and for how many hours. */
    public record OverrideBody(String recordId, String agreementId, String reason, Integer hours) {}

    @Operation(
            summary = "The disclosure review queue: notifications held for a person to release or refuse",
            description = "status: open (default), released or refused. Each item names the record, the subject's"
                    + " reference within it, the recipient partner, the agreement, why it was held (cause) and what"
                    + " resolves it.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/disclosure-reviews")
    public ResponseEntity<?> list(
            HttpServletRequest request,
            @RequestParam(value = "status", defaultValue = "open") String status,
            @RequestParam(value = "limit", defaultValue = "200") int limit) {
        ReviewItem.Status s;
        try {
            s = ReviewItem.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(400, "status", "open, released or refused");
        }
        if (limit < 1 || limit > 1000) {
            return error(400, "limit", "1..1000");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", reviews.openCount());
        out.put(
                "items",
                reviews.list(s, limit).stream()
                        .map(DisclosureReviewController::view)
                        .toList());
        return ResponseEntity.ok(out);
    }

    @Operation(
            summary = "Release a held notification, once what held it is resolved",
            description = "Decided again now: the agreement in force, the person's consent as recorded now (or lifted"
                    + " by a safeguarding override in force), and the recipient addressed now or the one named in"
                    + " recipientAddress (the person must hold a live relationship with it). 409 with what is still"
                    + " unresolved; on success the release is ledgered with the decider and sent exactly once."
                    + " Name the deciding professional with X-Hub-Professional and X-Hub-Professional-Role.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/disclosure-reviews/{decisionKey}/release")
    public ResponseEntity<?> release(
            HttpServletRequest request,
            @PathVariable("decisionKey") String decisionKey,
            @RequestBody(required = false) ReleaseBody body) {
        String decider = decider(request);
        if (decider == null) {
            return error(400, "X-Hub-Professional", "name the professional who decides");
        }
        ReviewItem item = service.release(decisionKey, decider, body == null ? null : body.recipientAddress());
        return ResponseEntity.ok(view(item));
    }

    @Operation(
            summary = "Refuse a held notification, with a coded reason",
            description = "reason: not-necessary, not-proportionate, recipient-not-found, consent-refused, misdirected"
                    + " or duplicate. Ledgered as a DENY with the decider; nothing is sent.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/disclosure-reviews/{decisionKey}/refuse")
    public ResponseEntity<?> refuse(
            HttpServletRequest request, @PathVariable("decisionKey") String decisionKey, @RequestBody RefuseBody body) {
        String decider = decider(request);
        if (decider == null) {
            return error(400, "X-Hub-Professional", "name the professional who decides");
        }
        if (body == null || body.reason() == null) {
            return error(400, "reason", "is required");
        }
        return ResponseEntity.ok(view(service.refuse(decisionKey, decider, body.reason())));
    }

    @Operation(
            summary = "Assert a safeguarding override: lift an agreement's consent requirement for one held record",
            description = "Only under an agreement that declares safeguarding-override, by a party to it, for a record"
                    + " held for review under it, citing a legal gateway the agreement lists, by a professional"
                    + " (X-Hub-Professional, X-Hub-Professional-Role) in a role it lists, for at most its max-hours."
                    + " It lifts consent and nothing else; releasing the record is still the board's.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/overrides")
    public ResponseEntity<?> assertOverride(HttpServletRequest request, @RequestBody OverrideBody body) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || caller.professional() == null) {
            return error(400, "X-Hub-Professional", "name the professional who asserts the override, and their role");
        }
        if (body == null
                || body.recordId() == null
                || body.agreementId() == null
                || body.reason() == null
                || body.hours() == null) {
            return error(400, null, "recordId, agreementId, reason and hours are required");
        }
        for (String v : List.of(body.recordId(), body.agreementId(), body.reason())) {
            if (v.length() > 100 || !v.matches("[A-Za-z0-9._:-]+")) {
                return error(
                        400,
                        null,
                        "recordId, agreementId and reason are ids: up to 100 letters, digits, '.', '_', ':'"
                                + " or '-'");
            }
        }
        Agreement agreement = pdp.agreements().stream()
                .filter(a -> a.id().equals(body.agreementId()))
                .findFirst()
                .orElse(null);
        if (agreement == null || !partyTo(agreement, caller.organisation().kind())) {
            return error(403, "agreementId", "you are not a party to an agreement of that id");
        }
        boolean held = reviews.ofRecord(body.recordId()).stream()
                .anyMatch(i ->
                        i.status() == ReviewItem.Status.OPEN && agreement.id().equals(i.agreementId()));
        if (!held) {
            return error(404, "recordId", "no record is held for review under that agreement with that id");
        }
        SafeguardingOverride o = overrides.assertOverride(
                agreement,
                new SafeguardingOverrides.Request(
                        body.recordId(),
                        body.reason(),
                        caller.professional().userId(),
                        caller.professional().role(),
                        Duration.ofHours(body.hours())),
                caller.organisation().toString());
        return ResponseEntity.status(201).body(view(o));
    }

    @Operation(
            summary = "Decisions that honoured a provider's withholding as more detrimental to the child",
            description = "Counted over the last 'days' (default 30) by provider, agreement, coded reason and whether"
                    + " a whole record or some fields were withheld (the exception in the 2026 duty to share).",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/withheld")
    public ResponseEntity<?> withheld(@RequestParam(value = "days", defaultValue = "30") int days) {
        if (days < 1 || days > 3660) {
            return error(400, "days", "1..3660");
        }
        List<org.earlyhelp.hub.governance.ledger.DisclosureLedger.WithheldCount> counts =
                ledger.withheldSince(clock.instant().minus(Duration.ofDays(days)));
        return ResponseEntity.ok(Map.of(
                "decisions", counts.stream().mapToLong(c -> c.decisions()).sum(), "counts", counts));
    }

    @Operation(
            summary = "Safeguarding overrides asserted in the last 'days' (default 30), with how often each was used",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/overrides")
    public ResponseEntity<?> overrides(@RequestParam(value = "days", defaultValue = "30") int days) {
        if (days < 1 || days > 3660) {
            return error(400, "days", "1..3660");
        }
        return ResponseEntity.ok(Map.of(
                "overrides",
                overrides.since(clock.instant().minus(Duration.ofDays(days))).stream()
                        .map(DisclosureReviewController::view)
                        .toList()));
    }

    @ExceptionHandler(ReviewClosed.class)
    ResponseEntity<?> closed(ReviewClosed e) {
        return e.missingItem() ? error(404, "decisionKey", e.getMessage()) : error(409, "decisionKey", e.getMessage());
    }

    @ExceptionHandler(ReleaseRefused.class)
    ResponseEntity<?> notReleasable(ReleaseRefused e) {
        return error(409, null, e.getMessage());
    }

    @ExceptionHandler(DisclosureReviewService.Unresolvable.class)
    ResponseEntity<?> unresolvable(DisclosureReviewService.Unresolvable e) {
        return error(409, null, e.getMessage());
    }

    @ExceptionHandler(OverrideRefused.class)
    ResponseEntity<?> overrideRefused(OverrideRefused e) {
        return error(422, null, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<?> bad(IllegalArgumentException e) {
        return error(400, null, e.getMessage());
    }

    private static boolean partyTo(Agreement a, String kind) {
        return a.provider().equals(kind)
                || a.recipients().contains(kind)
                || (a.governance() != null
                        && a.governance().parties().stream()
                                .anyMatch(p -> p.partner().equals(kind)));
    }

    /** Who decides: the governance organisation and the named professional acting for it. */
    public static String decider(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || caller.professional() == null) {
            return null;
        }
        return caller.organisation() + "/" + caller.professional().userId() + " ("
                + caller.professional().role() + ")";
    }

    static Map<String, Object> view(ReviewItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionKey", i.decisionKey());
        m.put("ledgerSeq", i.ledgerSeq());
        m.put("recordId", i.recordId());
        m.put("subjectRef", i.subjectRef());
        m.put("provider", i.provider());
        m.put("recipient", i.recipientPartner());
        m.put("agreementId", i.agreementId());
        m.put("agreementVersion", i.agreementVersion());
        m.put("cause", i.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("resolves", i.cause().resolution());
        m.put("reasons", i.reasons());
        m.put("parkedAt", i.parkedAt().toString());
        m.put("status", i.status().name().toLowerCase(Locale.ROOT));
        m.put("closedBy", i.closedBy());
        m.put("closedAt", i.closedAt() == null ? null : i.closedAt().toString());
        m.put("closedReason", i.closedReason());
        m.put("closingEntry", i.closingKey());
        return m;
    }

    static Map<String, Object> view(SafeguardingOverride o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overrideId", o.overrideId().toString());
        m.put("recordId", o.recordId());
        m.put("agreementId", o.agreementId());
        m.put("agreementVersion", o.agreementVersion());
        m.put("reason", o.reason());
        m.put("professional", o.professional());
        m.put("professionalRole", o.professionalRole());
        m.put("assertedBy", o.assertedBy());
        m.put("assertedAt", o.assertedAt().toString());
        m.put("expiresAt", o.expiresAt().toString());
        m.put("uses", o.uses());
        return m;
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String field, String reason) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("reason", reason);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(e)));
    }
}

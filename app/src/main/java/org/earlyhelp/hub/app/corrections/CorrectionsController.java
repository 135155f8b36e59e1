package org.earlyhelp.hub.app.corrections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.routes.govern.GovernBatchProcessor;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider corrects what it sent: it withdraws a record (withdrawn, misdirected, superseded by a corrected record it
 * sends as new, inaccurate) and every recipient of what the hub disclosed from it is recalled. The board sees the
 * disclosures that rested on a match the person index later split.
 */
@RestController
@Tag(name = "corrections", description = "Withdrawals and recalls")
public class CorrectionsController {

    private final Governance governance;
    private final RecordStore store;
    private final RecordCodec codec;
    private final TopicPublisher publisher;
    private final Topics topics;
    private final SplitDisclosures splits;

    public CorrectionsController(
            Governance governance,
            RecordStore store,
            RecordCodec codec,
            TopicPublisher correctionsPublisher,
            Topics topics,
            SplitDisclosures splits) {
        this.governance = governance;
        this.store = store;
        this.codec = codec;
        this.publisher = correctionsPublisher;
        this.topics = topics;
        this.splits = splits;
    }

    /** Why the record is withdrawn: a withdrawal-reason code. */
    public record WithdrawBody(String reason) {}

    @Operation(
            summary = "Withdraw a record you sent: every recipient of a disclosure of it is recalled",
            description = "reason: withdrawn, misdirected, superseded (send the corrected record as new, then withdraw"
                    + " this one) or inaccurate. Only the organisation that sent the record may withdraw it. Each"
                    + " recipient gets a recall (no fields; 'recalls' names the notificationId, 'recallReason' the"
                    + " code), ledgered with who withdrew it; notifications of it held for review are refused; the hub"
                    + " stops holding the record, so nothing more is disclosed from it. 404 for a record the hub does"
                    + " not hold (or another organisation's).",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/records/{recordId}/withdraw")
    public ResponseEntity<?> withdraw(
            HttpServletRequest request, @PathVariable("recordId") String recordId, @RequestBody WithdrawBody body) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null) {
            return error(401, null, "a partner credential is required");
        }
        if (body == null || body.reason() == null) {
            return error(400, "reason", "is required: withdrawn, misdirected, superseded or inaccurate");
        }
        if (!recordId.matches("[A-Za-z0-9-]{1,64}")) {
            return error(400, "recordId", "a record id the hub gave");
        }
        Optional<HubRecord> record = store.body(recordId).map(codec::decodeRecord);
        if (record.isEmpty() || !caller.organisation().toString().equals(GovernanceOf.provider(record.get()))) {
            return error(404, "recordId", "you sent no record the hub holds with that id");
        }
        String by = caller.organisation()
                + caller.professionalIfNamed()
                        .map(p -> "/" + p.userId() + " (" + p.role() + ")")
                        .orElse("");
        Governance.Withdrawn withdrawn;
        try {
            withdrawn = governance.withdraw(recordId, body.reason(), by);
        } catch (IllegalArgumentException e) {
            return error(400, "reason", "must be withdrawn, misdirected, superseded or inaccurate");
        }
        publisher.publishAll(withdrawn.recalls().stream()
                .map(r -> GovernBatchProcessor.outbound(r, topics, codec))
                .toList());
        store.withdraw(recordId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recordId", recordId);
        out.put("reason", body.reason());
        out.put(
                "recalled",
                withdrawn.recalls().stream().map(r -> r.recipient().toString()).toList());
        out.put("reviewsRefused", withdrawn.reviewsClosed());
        return ResponseEntity.ok(out);
    }

    @Operation(
            summary = "Disclosures that rested on a match the person index later split",
            description = "For each split in the last 'days' (default 90): the disclosures of the records that moved,"
                    + " decided while they were joined to the other person, to whom, under which agreement, and"
                    + " whether they were pushed or pulled into a family view. Ids only.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/ledger/split-disclosures")
    public ResponseEntity<?> splitDisclosures(@RequestParam(value = "days", defaultValue = "90") int days) {
        if (days < 1 || days > 3660) {
            return error(400, "days", "1..3660");
        }
        List<SplitDisclosures.Rested> rested = splits.since(days);
        return ResponseEntity.ok(Map.of("disclosures", rested));
    }

    private static ResponseEntity<?> error(int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** The organisation that sent a record, as the governance flow names it. */
    static final class GovernanceOf {
        static String provider(HubRecord record) {
            return org.earlyhelp.hub.governance.flow.GovernanceService.providerOf(record);
        }
    }
}

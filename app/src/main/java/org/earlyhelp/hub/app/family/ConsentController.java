package org.earlyhelp.hub.app.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.consent.ConsentEvent;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agreement's consent collector records that a person it holds an open relationship with gave (or withdrew)
 * consent, on a stated basis and against a signed record. The consent attaches to the person, so it follows them
 * across every partner's records and through merges; a split leaves it with neither half.
 */
@RestController
@Tag(name = "family", description = "Whole-family view, filtered per person by the agreements")
public class ConsentController {

    private final ConsentRecorder recorder;

    public ConsentController(
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            PolicyDecisionPoint pdp,
            RelationshipRegister relationships,
            ConsentRegister consents,
            DisclosureLedger ledger,
            SubjectKey subjectKey,
            Clock clock) {
        this.recorder =
                new ConsentRecorder(index, store, codec, pdp, relationships, consents, ledger, subjectKey, clock);
    }

    @Operation(
            summary = "Record consent given or withdrawn, as an agreement's consent collector",
            description = "Body: record and person (your own record's id and the person's ref in it), scope (the"
                    + " agreement ids), given (a JSON boolean), basis (young-person, parental-responsibility or"
                    + " gillick-competent), reference (the signed record in your system) and expires (required when"
                    + " given). Name the professional with X-Hub-Professional and X-Hub-Professional-Role. 403 unless"
                    + " every agreement names you as collector and you hold an open relationship with the person.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/api/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> record(HttpServletRequest request) throws IOException {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        recorder.mayRecord(caller); // decided before the body is read
        ConsentRequest body = ConsentRequest.parse(bounded(request.getInputStream()));
        ConsentEvent event = recorder.record(caller, body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consentId", event.consentId().toString());
        out.put("scope", event.scope());
        out.put("given", event.given());
        out.put("expires", event.expires() == null ? null : event.expires().toString());
        return ResponseEntity.ok(out);
    }

    @ExceptionHandler(PullRefused.class)
    ResponseEntity<Map<String, Object>> refused(PullRefused e) {
        return FamilyViewController.errors(e.status(), e.field(), e.getMessage());
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<Map<String, Object>> tooLarge(BodyTooLarge e) {
        return FamilyViewController.errors(413, null, "the body is larger than " + ConsentRequest.MAX_BYTES + " bytes");
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(ConsentRequest.MAX_BYTES + 1);
        if (body.length > ConsentRequest.MAX_BYTES) {
            throw new BodyTooLarge();
        }
        return body;
    }

    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("body too large");
        }
    }
}

package org.earlyhelp.hub.app.agreements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agreements in force, and a reload after the board changes a file (governance credential). */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "agreements", description = "Information-sharing agreements in force")
public class AgreementsController {

    private final AgreementCatalogue catalogue;
    private final AgreementChanges changes;

    public AgreementsController(AgreementCatalogue catalogue, AgreementChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
    }

    /** The reload takes nothing from the request: a body is a mistake (or a probe) and is refused, not ignored. */
    private static void requireNoBody(HttpServletRequest request) throws IOException {
        for (byte b : request.getInputStream().readNBytes(StrictJsonReader.DEFAULT_MAX_BODY_BYTES)) {
            if (!Character.isWhitespace(b)) {
                throw new RequestRejected("$", "a reload takes no body");
            }
        }
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return catalogue.get().stream()
                .map(a -> Map.<String, Object>of(
                        "id", a.id(),
                        "version", a.version(),
                        "status", a.status().yamlName(),
                        "purpose", a.purpose(),
                        "validFrom", a.valid().from().toString(),
                        "validUntil", a.valid().until().toString()))
                .toList();
    }

    @Operation(summary = "Reload every agreement; refused, with the errors, if any file has one")
    @PostMapping("/reload")
    public ResponseEntity<Map<String, Object>> reload(HttpServletRequest request) throws IOException {
        requireNoBody(request);
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        List<LintProblem> errors = changes.reload(
                caller == null ? "governance" : caller.organisation().toString());
        if (!errors.isEmpty()) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of(
                            "reloaded",
                            false,
                            "errors",
                            errors.stream().map(LintProblem::toString).toList()));
        }
        return ResponseEntity.ok(
                Map.of("reloaded", true, "agreements", catalogue.get().size()));
    }
}

package org.earlyhelp.hub.app.agreements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.agreement.Adherences;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adherence: a member of a party that joins by adhering (a school, to Operation Encompass or a schools agreement)
 * adheres with its own credential and a named professional; each adherence is recorded and ledgered. Under an agreement
 * without a statutory duty, only members that have adhered receive; under a statutory duty they are listed as they
 * adhere.
 */
@RestController
@Tag(name = "agreements", description = "Adherence to agreements")
public class AdherenceController {

    private final Adherences adherences;
    private final PolicyDecisionPoint pdp;

    public AdherenceController(Adherences adherences, PolicyDecisionPoint pdp) {
        this.adherences = adherences;
        this.pdp = pdp;
    }

    @Operation(
            summary = "Adhere to an agreement, as a member of a party that joins by adhering",
            description = "Your organisation (from the credential) adheres to the agreement in force, named by the"
                    + " professional (X-Hub-Professional, X-Hub-Professional-Role) who signs for it. 201, or 200 when"
                    + " it had already adhered; 403 when your kind of organisation does not join that agreement by"
                    + " adhering.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/agreements/{agreementId}/adherence")
    public ResponseEntity<?> adhere(HttpServletRequest request, @PathVariable("agreementId") String agreementId) {
        return act(request, agreementId, true);
    }

    @Operation(
            summary = "Withdraw your organisation's adherence to an agreement",
            security = @SecurityRequirement(name = "partner-token"))
    @DeleteMapping("/api/agreements/{agreementId}/adherence")
    public ResponseEntity<?> withdraw(HttpServletRequest request, @PathVariable("agreementId") String agreementId) {
        return act(request, agreementId, false);
    }

    @Operation(
            summary = "The members that have adhered to an agreement, oldest first",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/agreements/{agreementId}/adherences")
    public ResponseEntity<?> list(@PathVariable("agreementId") String agreementId) {
        return ResponseEntity.ok(Map.of("agreementId", agreementId, "adherences", adherences.of(agreementId)));
    }

    private ResponseEntity<?> act(HttpServletRequest request, String agreementId, boolean adhere) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || caller.professional() == null) {
            return error(400, "X-Hub-Professional", "name the professional who signs for your organisation, and role");
        }
        Optional<Agreement> agreement = pdp.agreements().stream()
                .filter(a -> a.id().equals(agreementId))
                .findFirst();
        if (agreement.isEmpty()
                || !agreement
                        .get()
                        .adheringParties()
                        .contains(caller.organisation().kind())) {
            return error(
                    403, "agreementId", "your kind of organisation does not join an agreement of that id by adhering");
        }
        String by = caller.organisation() + "/" + caller.professional().userId() + " ("
                + caller.professional().role() + ")";
        String organisation = caller.organisation().toString();
        boolean changed = adhere
                ? adherences.adhere(agreement.get(), organisation, by)
                : adherences.withdraw(agreement.get(), organisation, by);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agreementId", agreementId);
        out.put("organisation", organisation);
        out.put("adhered", adhere);
        out.put("changed", changed);
        return ResponseEntity.status(adhere && changed ? 201 : 200).body(out);
    }

    private static ResponseEntity<?> error(int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        return ResponseEntity.status(status).body(body);
    }
}

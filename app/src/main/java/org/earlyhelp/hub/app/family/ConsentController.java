package org.earlyhelp.hub.app.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A partner records that a person it holds a record of gave (or withdrew) consent for an agreement that needs it.
 * The consent attaches to the person, so it follows them across every partner's records.
 */
@RestController
@Tag(name = "family", description = "Whole-family view, filtered per person by the agreements")
public class ConsentController {

    private final ConsentRegister consents;
    private final PersonIndex index;
    private final RecordStore store;
    private final PolicyDecisionPoint pdp;

    public ConsentController(ConsentRegister consents, PersonIndex index, RecordStore store, PolicyDecisionPoint pdp) {
        this.consents = consents;
        this.index = index;
        this.store = store;
        this.pdp = pdp;
    }

    /** The person by the partner's own record id and ref; the agreement by id; {@code given} false withdraws. */
    public record ConsentRequest(
            @NotBlank @Size(max = 64) String record,
            @NotBlank @Size(max = 16) String person,
            @NotBlank @Size(max = 128) String agreement,
            @NotNull Boolean given) {}

    @Operation(
            summary = "Record consent given or withdrawn for a person in one of your records",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/api/consent")
    public ResponseEntity<Map<String, Object>> record(
            HttpServletRequest request, @Valid @RequestBody ConsentRequest body) {
        String partner = (String) request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE);
        Optional<String> provider = store.providerOf(body.record());
        Optional<UUID> person = provider.filter(partner::equals)
                .flatMap(p -> index.personOf(partner, body.record() + "#" + body.person()));
        if (person.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no record of yours names that person");
        }
        Optional<Agreement> agreement = pdp.agreements().stream()
                .filter(a -> a.id().equals(body.agreement()))
                .findFirst();
        if (agreement.isEmpty() || agreement.get().consent() != ConsentRule.REQUIRED) {
            throw new RequestRejected("agreement", "names no agreement that needs consent");
        }
        consents.record(person.get().toString(), body.agreement(), body.given(), partner);
        return ResponseEntity.ok(Map.of("agreement", body.agreement(), "given", body.given()));
    }
}

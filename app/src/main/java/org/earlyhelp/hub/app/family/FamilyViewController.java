package org.earlyhelp.hub.app.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The whole-family view, for a partner's practitioner, through the agreements. */
@RestController
@Tag(name = "family", description = "Whole-family view, filtered per person by the agreements")
public class FamilyViewController {

    private final FamilyViewService service;

    public FamilyViewController(FamilyViewService service) {
        this.service = service;
    }

    @Operation(
            summary = "What the partners know about the family of a person in one of your records",
            description = "Name the person by your own record's id (as the hub returned it) and the person's ref in"
                    + " it. Each member's records are shown only as far as an agreement for you and this purpose"
                    + " allows; members you may learn nothing about are not listed. Every view is in the ledger.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/family-view")
    public FamilyView view(
            HttpServletRequest request,
            @RequestParam("record") String recordId,
            @RequestParam("person") String personRef,
            @RequestParam(value = "purpose", defaultValue = "early-help/family-view") String purpose) {
        String viewer = (String) request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE);
        return service.view(viewer, purpose, recordId, personRef);
    }
}

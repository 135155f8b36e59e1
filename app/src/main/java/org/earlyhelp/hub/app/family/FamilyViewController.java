package org.earlyhelp.hub.app.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.governance.access.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The whole-family view, for a partner's professional, through the agreements' pull licences. */
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
                    + " it, the purpose (one an agreement's pull list gives your kind, else 403) and the professional"
                    + " asking (headers X-Hub-Professional and X-Hub-Professional-Role, else 400). Your organisation"
                    + " must hold a live relationship with the person that the agreements accept (403 otherwise);"
                    + " name one with 'relationship' or the strongest is used. Each member's records are shown only"
                    + " as far as an agreement allows; members you may learn nothing about are not listed. Every"
                    + " view is a PULL entry, and each record a DISCLOSURE entry, in the ledger before it is served.",
            security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/api/family-view")
    public FamilyView view(
            HttpServletRequest request,
            @RequestParam("record") String recordId,
            @RequestParam("person") String personRef,
            @RequestParam(value = "purpose", defaultValue = "early-help/family-view") String purpose,
            @RequestParam(value = "relationship", required = false) String relationship) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        return service.view(caller, purpose, recordId, personRef, Optional.ofNullable(relationship));
    }

    @ExceptionHandler(PullRefused.class)
    ResponseEntity<Map<String, Object>> refused(PullRefused e) {
        return errors(e.status(), e.field(), e.getMessage());
    }

    /** A missing or malformed query parameter, in the one error shape (never the value). */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return errors(400, name, "is required and must be of the documented form");
    }

    /** The one error body shape: {@code {"errors":[{"field":..,"reason":..}]}}. */
    static ResponseEntity<Map<String, Object>> errors(int status, String field, String reason) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }
}

package org.earlyhelp.hub.app.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public register: {@code GET /register} lists every agreement the hub holds, {@code GET /register/<id>} is one
 * as a print-ready document with the ICO headings, {@code GET /register/<id>/sharing-policy.json} the same agreement
 * as the DfE draft machine-readable SharingPolicy. No credential: agreements hold no personal data. Each instance
 * renders from its own catalogue, so two instances serve what each has loaded from the shared directory.
 */
@Controller
@Tag(name = "register", description = "The public register of information-sharing agreements")
public class RegisterController {

    private final AgreementCatalogue catalogue;
    private final org.earlyhelp.hub.governance.agreement.Adherences adherences;

    public RegisterController(
            AgreementCatalogue catalogue, org.earlyhelp.hub.governance.agreement.Adherences adherences) {
        this.catalogue = catalogue;
        this.adherences = adherences;
    }

    private AgreementDocument document(org.earlyhelp.hub.governance.agreement.Agreement a) {
        return AgreementDocument.of(
                a,
                adherences.of(a.id()).stream()
                        .map(org.earlyhelp.hub.governance.agreement.Adherences.Adherence::organisation)
                        .toList());
    }

    @GetMapping(path = "/register", produces = MediaType.TEXT_HTML_VALUE)
    public String register(Model model) {
        List<AgreementDocument> documents = catalogue.get().stream()
                .sorted(Comparator.comparing(Agreement::id))
                .map(AgreementDocument::of)
                .toList();
        model.addAttribute("documents", documents);
        return "register/index";
    }

    @GetMapping(path = "/register/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String agreement(@PathVariable String id, Model model) {
        model.addAttribute("doc", document(find(id)));
        model.addAttribute("policyUrl", "/register/" + id + "/sharing-policy.json");
        return "register/agreement";
    }

    @Operation(summary = "One agreement as the DfE draft machine-readable SharingPolicy (no credential)")
    @GetMapping(path = "/register/{id}/sharing-policy.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, Object> sharingPolicy(@PathVariable String id) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUriString();
        return AgreementDocument.of(find(id)).sharingPolicy(uri);
    }

    private Agreement find(String id) {
        return catalogue.get().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no agreement with that id"));
    }
}

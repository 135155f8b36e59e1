package org.earlyhelp.hub.connector.health.fhir;

import java.util.Objects;

/**
 * One problem with a FHIR input, as an OperationOutcome issue says it: the FHIR issue-type code ({@code structure},
 * {@code required}, {@code value}, {@code invariant}, {@code not-supported}, {@code business-rule}, {@code
 * too-costly}), the FHIRPath of the element at fault ({@code Patient.identifier[0].value}; null for the whole input)
 * and a diagnostic that never repeats a value from the input (no names, dates or numbers of a person).
 */
public record FhirProblem(String code, String expression, String diagnostics) {

    public FhirProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import java.util.List;

/**
 * Thrown inside the mapper to stop at the first reason a resource cannot be mapped; {@link FhirMapper} turns it into
 * {@link FhirOutcome.Rejected} and it never leaves the mapper. Its problems, like every problem, quote no value.
 */
final class MappingFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FhirProblem> problems;

    MappingFailure(List<FhirProblem> problems) {
        super("FHIR resource not mapped", null, false, false);
        this.problems = List.copyOf(problems);
    }

    MappingFailure(String code, String expression, String diagnostics) {
        this(List.of(new FhirProblem(code, expression, diagnostics)));
    }

    List<FhirProblem> problems() {
        return problems;
    }
}

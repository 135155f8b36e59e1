package org.earlyhelp.hub.connector.health.fhir;

import java.util.List;

/**
 * FHIR input the hub refuses before mapping: not JSON, not a FHIR R4 resource, not strictly valid against the R4
 * structure, or too costly to read. Carries the problems as an OperationOutcome would list them; neither the message
 * nor any problem repeats a value from the input, so the exception may be logged. No stack trace is kept: it is an
 * answer to a sender, not a fault of the hub.
 */
public final class FhirInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FhirProblem> problems;

    public FhirInputException(List<FhirProblem> problems) {
        super("FHIR input refused: " + problems.size() + " problem(s)", null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public FhirInputException(FhirProblem problem) {
        this(List.of(problem));
    }

    public List<FhirProblem> problems() {
        return problems;
    }
}

package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

/**
 * A refusal the hub's FHIR endpoint answers with its own OperationOutcome: the status and the issues, each with a
 * code, an expression and a diagnostic free of personal data. {@link FhirErrors} passes it through unchanged.
 */
public final class FhirFailure extends BaseServerResponseException {

    private static final long serialVersionUID = 1L;

    public FhirFailure(int status, List<FhirProblem> problems) {
        super(status, summary(problems));
        setOperationOutcome(Outcomes.of(IssueSeverity.ERROR, problems));
    }

    public FhirFailure(int status, String code, String expression, String diagnostics) {
        this(status, List.of(new FhirProblem(code, expression, diagnostics)));
    }

    /** With an outcome already built (e.g. issues of several Bundle entries). */
    public FhirFailure(int status, OperationOutcome outcome) {
        super(status, "refused");
        setOperationOutcome(outcome);
    }

    private static String summary(List<FhirProblem> problems) {
        return problems.isEmpty() ? "refused" : problems.get(0).code();
    }
}

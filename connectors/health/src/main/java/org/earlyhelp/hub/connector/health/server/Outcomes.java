package org.earlyhelp.hub.connector.health.server;

import java.util.List;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;

/** OperationOutcome resources as the hub's FHIR endpoint answers them: one issue per problem, never a stack trace. */
public final class Outcomes {

    private Outcomes() {}

    /** An outcome with an issue of {@code severity} per problem. */
    public static OperationOutcome of(IssueSeverity severity, List<FhirProblem> problems) {
        OperationOutcome oo = new OperationOutcome();
        for (FhirProblem p : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue =
                    oo.addIssue().setSeverity(severity).setCode(code(p.code())).setDiagnostics(p.diagnostics());
            if (p.expression() != null) {
                issue.setExpression(List.of(new StringType(p.expression())));
            }
        }
        return oo;
    }

    /** An outcome of one problem. */
    public static OperationOutcome of(IssueSeverity severity, String code, String expression, String diagnostics) {
        return of(severity, List.of(new FhirProblem(code, expression, diagnostics)));
    }

    /** An informational outcome: what was done. */
    public static OperationOutcome information(String diagnostics) {
        return of(IssueSeverity.INFORMATION, "informational", null, diagnostics);
    }

    private static IssueType code(String code) {
        try {
            return IssueType.fromCode(code);
        } catch (Exception e) {
            return IssueType.PROCESSING;
        }
    }
}

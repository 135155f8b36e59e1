package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.health.HealthConnector;
import org.earlyhelp.hub.connector.health.HealthFhirIntake;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.earlyhelp.hub.connector.health.fhir.FhirOutcome;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * What a health system's push does: one resource ({@code POST [base]/<Type>}) or a Bundle ({@code POST [base]}),
 * from the authenticated health organisation only. A transaction Bundle is checked whole before any of it is stored,
 * so it is refused whole (with an issue per problem, each naming its entry) or stored whole; a retry after a failure
 * part-way stores nothing twice, every entry being idempotent on its resource version. A batch Bundle's entries
 * stand alone. What parses but cannot be mapped is dead-lettered as well as answered.
 */
public final class HealthPush {

    /** More entries than this in one Bundle is refused as too costly before any is mapped. */
    public static final int MAX_ENTRIES = 1000;

    private final HealthFhirIntake intake;

    public HealthPush(HealthFhirIntake intake) {
        this.intake = intake;
    }

    MethodOutcome create(Class<? extends IBaseResource> type, String body, HttpServletRequest request)
            throws Exception {
        Organisation sender = sender(request);
        IBaseResource resource = FhirJson.parse(body);
        String expected = type.getSimpleName();
        if (!type.isInstance(resource)) {
            throw new FhirFailure(
                    400,
                    "invalid",
                    "resourceType",
                    "the body is not a " + expected + ": post it to its own type's endpoint or as a Bundle");
        }
        HealthFhirIntake.Taken taken = intake.take(sender, resource, FhirReferences.none());
        return outcome(expected, taken);
    }

    Bundle bundle(Bundle bundle, HttpServletRequest request) throws Exception {
        Organisation sender = sender(request);
        Bundle.BundleType type = bundle.getType();
        if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH) {
            throw new FhirFailure(400, "invalid", "Bundle.type", "post a transaction or a batch Bundle");
        }
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        if (entries.size() > MAX_ENTRIES) {
            throw new FhirFailure(413, "too-costly", "Bundle.entry", "at most " + MAX_ENTRIES + " entries per Bundle");
        }
        List<FhirProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent e = entries.get(i);
            if (!e.hasResource()) {
                problems.add(
                        new FhirProblem("required", "Bundle.entry[" + i + "].resource", "each entry holds a resource"));
            } else if (e.hasRequest()
                    && e.getRequest().getMethod() != Bundle.HTTPVerb.POST
                    && e.getRequest().getMethod() != Bundle.HTTPVerb.PUT) {
                problems.add(new FhirProblem(
                        "not-supported",
                        "Bundle.entry[" + i + "].request.method",
                        "only POST and PUT entries are taken"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FhirFailure(400, problems);
        }
        FhirReferences references = new BundleReferences(bundle, FhirReferences.none());
        List<FhirOutcome> mapped = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : entries) {
            mapped.add(intake.map(e.getResource(), references));
        }
        Bundle response = new Bundle();
        response.setType(
                type == Bundle.BundleType.TRANSACTION
                        ? Bundle.BundleType.TRANSACTIONRESPONSE
                        : Bundle.BundleType.BATCHRESPONSE);
        if (type == Bundle.BundleType.TRANSACTION) {
            OperationOutcome refused = new OperationOutcome();
            for (int i = 0; i < mapped.size(); i++) {
                if (mapped.get(i) instanceof FhirOutcome.Rejected r) {
                    intake.take(sender, entries.get(i).getResource(), references, r); // dead-lettered
                    String at = "Bundle.entry[" + i + "].resource";
                    for (FhirProblem p : r.problems()) {
                        refused.addIssue()
                                .setSeverity(IssueSeverity.ERROR)
                                .setCode(OperationOutcome.IssueType.fromCode(code(p.code())))
                                .setDiagnostics(p.diagnostics())
                                .setExpression(List.of(new StringType(
                                        p.expression() == null ? at : at + "." + stripType(p.expression()))));
                    }
                }
            }
            if (refused.hasIssue()) {
                throw new FhirFailure(422, refused);
            }
        }
        for (int i = 0; i < mapped.size(); i++) {
            Resource resource = entries.get(i).getResource();
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
            try {
                HealthFhirIntake.Taken taken = intake.take(sender, resource, references, mapped.get(i));
                MethodOutcome outcome = outcome(resource.fhirType(), taken);
                answer.setStatus(Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK");
                answer.setLocation(outcome.getId().getValue());
                answer.setOutcome((Resource) outcome.getOperationOutcome());
            } catch (FhirFailure f) {
                answer.setStatus(f.getStatusCode() + "");
                answer.setOutcome((Resource) f.getOperationOutcome());
            }
        }
        return response;
    }

    private static String stripType(String expression) {
        int dot = expression.indexOf('.');
        return dot < 0 ? expression : expression.substring(dot + 1);
    }

    private static String code(String code) {
        try {
            OperationOutcome.IssueType.fromCode(code);
            return code;
        } catch (Exception e) {
            return "processing";
        }
    }

    private static MethodOutcome outcome(String type, HealthFhirIntake.Taken taken) {
        if (taken instanceof HealthFhirIntake.Taken.Stored s) {
            MethodOutcome out = new MethodOutcome(new IdType(type, s.recordIds().get(0)), !s.replay());
            out.setOperationOutcome(Outcomes.information(
                    s.replay()
                            ? "already stored as hub record " + String.join(", ", s.recordIds())
                            : "stored as hub record " + String.join(", ", s.recordIds())));
            return out;
        }
        if (taken instanceof HealthFhirIntake.Taken.ConsentRecorded c) {
            MethodOutcome out = new MethodOutcome(new IdType("Consent", c.consentId()), true);
            out.setOperationOutcome(Outcomes.information("recorded as consent " + c.consentId()));
            return out;
        }
        throw new FhirFailure(422, ((HealthFhirIntake.Taken.DeadLettered) taken).problems());
    }

    /** The authenticated health organisation; anyone else is refused before the body is read. */
    static Organisation sender(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null || !caller.organisation().isKind(HealthConnector.PARTNER)) {
            throw new FhirFailure(403, "forbidden", null, "only a health organisation may post health resources");
        }
        return caller.organisation();
    }
}

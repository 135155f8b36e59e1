package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.health.HealthFhirException;
import org.earlyhelp.hub.connector.health.fhir.FhirInputException;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the hub's FHIR endpoint answers is an OperationOutcome the hub wrote: HAPI's own messages often quote
 * the input (a value that failed to parse, an unknown element's content), so they are replaced here by the hub's
 * wording (a body that fails to parse is re-read by the strict parser, whose problems name paths only), and anything
 * unexpected becomes a 500 with no detail at all. Nothing is logged but the exception's class.
 */
@Interceptor
public final class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException outgoing(RequestDetails request, Throwable thrown) {
        Throwable t = ours(thrown);
        if (t instanceof FhirFailure f) {
            return f;
        }
        if (t instanceof RequestRejected r) {
            return new FhirFailure(
                    r.status(),
                    r.errors().stream()
                            .map(e -> new FhirProblem(r.status() == 409 ? "conflict" : "transient", null, e.reason()))
                            .toList());
        }
        if (t instanceof HealthFhirException.NotYet n) {
            return new FhirFailure(503, "transient", null, n.getMessage());
        }
        if (t instanceof FhirInputException e) {
            return new FhirFailure(400, e.problems());
        }
        if (t instanceof BaseServerResponseException e) {
            int status = e.getStatusCode();
            if (status == 400 || status == 422) {
                return new FhirFailure(status, problemsOf(request));
            }
            if (status == 404) {
                return new FhirFailure(
                        404, "not-found", null, "this endpoint serves no such resource type or operation");
            }
            if (status == 405) {
                return new FhirFailure(405, "not-supported", null, "this method is not supported here");
            }
            if (status == 415 || status == 406) {
                return new FhirFailure(status, "not-supported", null, "send and accept application/fhir+json");
            }
            if (status < 500) {
                return new FhirFailure(status, "processing", null, "the request was refused");
            }
        }
        log.warn("FHIR request failed: cause={}", t.getClass().getSimpleName());
        UnclassifiedServerFailureException internal = new UnclassifiedServerFailureException(500, "internal error");
        internal.setOperationOutcome(Outcomes.of(
                org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.FATAL,
                "exception",
                null,
                "the hub could not process this request; nothing was stored"));
        return internal;
    }

    /** The hub's own exception behind HAPI's wrapping of what a provider method threw, or the thrown one. */
    private static Throwable ours(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FhirFailure
                    || t instanceof RequestRejected
                    || t instanceof HealthFhirException
                    || t instanceof FhirInputException) {
                return t;
            }
        }
        return thrown;
    }

    /** Why a body failed to parse, in the strict parser's words (paths, never values). */
    private static List<FhirProblem> problemsOf(RequestDetails request) {
        try {
            byte[] body = request == null ? null : request.loadRequestContents();
            if (body != null && body.length > 0) {
                FhirJson.parse(new String(body, StandardCharsets.UTF_8));
            }
        } catch (FhirInputException e) {
            return e.problems();
        } catch (RuntimeException e) {
            // fall through to the generic wording
        }
        return List.of(new FhirProblem("invalid", null, "the request is not valid FHIR R4 JSON for this endpoint"));
    }
}

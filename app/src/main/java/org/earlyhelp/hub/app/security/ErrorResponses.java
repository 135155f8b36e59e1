package org.earlyhelp.hub.app.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security layer's answers in the hub's one error shape, {@code {"errors":[{"field":null,"reason":"..."}]}}.
 * Reasons are fixed sentences: nothing the caller sent is echoed back.
 */
final class ErrorResponses {

    static final String REALM = "Bearer realm=\"early-help-hub\"";

    private ErrorResponses() {}

    /**
     * Writes the refusal: in the hub's error shape, or, for the hub's FHIR endpoint ({@code /fhir}), as the
     * OperationOutcome a FHIR client expects, with the same fixed sentence as its diagnostics.
     */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(reason));
        byte[] body;
        if (fhir(request)) {
            response.setContentType("application/fhir+json");
            body = ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                            + issueCode(status) + "\",\"diagnostics\":\"" + escaped + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            body = ("{\"errors\":[{\"field\":null,\"reason\":\"" + escaped + "\"}]}").getBytes(StandardCharsets.UTF_8);
        }
        // a complete response on the wire at once, even while the container drains what is left of the body
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static boolean fhir(HttpServletRequest request) {
        if (request == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    /** The FHIR issue type of a refusal's status. */
    private static String issueCode(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 413 -> "too-costly";
            case 429 -> "throttled";
            default -> "invalid";
        };
    }

    /** 401: no credential, or one the hub does not accept. */
    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", REALM);
            write(request, response, 401, "a valid bearer credential is required");
        };
    }

    /** 403: a valid credential whose organisation's kind may not use this endpoint. */
    static AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(request, response, 403, "this credential's organisation may not use this endpoint");
    }

    /** 400: a request URL the firewall refuses (path parameters, encoded slashes or dots, ...). */
    static RequestRejectedHandler rejected() {
        return (request, response, e) ->
                write(request, response, 400, "the request URL is not in a form the hub accepts");
    }
}

package org.earlyhelp.hub.app.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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

    static void write(HttpServletResponse response, int status, String reason) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(reason));
        byte[] body =
                ("{\"errors\":[{\"field\":null,\"reason\":\"" + escaped + "\"}]}").getBytes(StandardCharsets.UTF_8);
        // a complete response on the wire at once, even while the container drains what is left of the body
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** 401: no credential, or one the hub does not accept. */
    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", REALM);
            write(response, 401, "a valid bearer credential is required");
        };
    }

    /** 403: a valid credential whose organisation's kind may not use this endpoint. */
    static AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(response, 403, "this credential's organisation may not use this endpoint");
    }

    /** 400: a request URL the firewall refuses (path parameters, encoded slashes or dots, ...). */
    static RequestRejectedHandler rejected() {
        return (request, response, e) -> write(response, 400, "the request URL is not in a form the hub accepts");
    }
}

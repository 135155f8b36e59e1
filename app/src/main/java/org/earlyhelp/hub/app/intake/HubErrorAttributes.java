package org.earlyhelp.hub.app.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.hub.connector.api.FieldError;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Boot's {@code /error} answers for a failure no controller saw (a filter's, the servlet container's): the one
 * error shape with the status's own words. Boot's default would echo the request path and the exception message.
 */
final class HubErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object code = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        String reason =
                status == null ? "request refused" : status.getReasonPhrase().toLowerCase(Locale.ROOT);
        return Map.of("errors", List.of(new FieldError(null, reason)));
    }
}

package org.earlyhelp.hub.app.intake;

import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;

/** The one error body of every refusal the hub makes: a field (JSON path, or null) and a reason for each problem. */
public record ErrorBody(List<FieldError> errors) {

    /** One problem not tied to a field. */
    public static ErrorBody of(String reason) {
        return new ErrorBody(List.of(new FieldError(null, reason)));
    }

    public static ErrorBody of(String field, String reason) {
        return new ErrorBody(List.of(new FieldError(field, reason)));
    }
}

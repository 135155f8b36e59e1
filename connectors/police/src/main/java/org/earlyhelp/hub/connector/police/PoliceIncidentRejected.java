package org.earlyhelp.hub.connector.police;

import java.util.List;

/** A request the endpoint rejects up front; the errors name fields and reasons, never the values sent. */
public class PoliceIncidentRejected extends RuntimeException {

    private final transient List<FieldError> errors;

    public PoliceIncidentRejected(List<FieldError> errors) {
        super(errors.size() + " problem(s) with the incident");
        this.errors = List.copyOf(errors);
    }

    public PoliceIncidentRejected(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

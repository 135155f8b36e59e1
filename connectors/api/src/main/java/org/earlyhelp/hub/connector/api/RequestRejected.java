package org.earlyhelp.hub.connector.api;

import java.util.List;

/**
 * A request refused before anything was done with it. The HTTP status says the kind (400 for a wrong body, 413 for a
 * body over the size limit); the errors name fields and reasons, never the values sent. The message holds only a
 * count, so logging the exception can leak nothing, and no stack trace is taken: rejections are expected traffic.
 */
public class RequestRejected extends RuntimeException {

    public static final int BAD_REQUEST = 400;
    public static final int TOO_LARGE = 413;

    private final transient List<FieldError> errors;
    private final int status;

    public RequestRejected(int status, List<FieldError> errors) {
        super(errors.size() + " problem(s) with the request", null, false, false);
        this.errors = List.copyOf(errors);
        this.status = status;
    }

    public RequestRejected(List<FieldError> errors) {
        this(BAD_REQUEST, errors);
    }

    public RequestRejected(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}

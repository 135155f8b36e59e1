package org.earlyhelp.hub.app.family;

/**
 * A pull or consent refused before anything is decided about any record: the HTTP status says the kind (400 the
 * request is incomplete, 403 not licensed, 404 no record of the caller's names that person) and the reason names no
 * submitted value.
 */
public final class PullRefused extends RuntimeException {

    private final int status;
    private final String field;

    private PullRefused(int status, String field, String reason) {
        super(reason);
        this.status = status;
        this.field = field;
    }

    static PullRefused badRequest(String field, String reason) {
        return new PullRefused(400, field, reason);
    }

    static PullRefused forbidden(String field, String reason) {
        return new PullRefused(403, field, reason);
    }

    static PullRefused notFound() {
        return new PullRefused(404, "record", "no record of yours names that person");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}

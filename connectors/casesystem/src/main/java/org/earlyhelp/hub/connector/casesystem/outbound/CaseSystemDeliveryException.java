package org.earlyhelp.hub.connector.casesystem.outbound;

/** A webhook delivery that did not succeed; the reason names what failed (a status, a kind), never what was sent. */
final class CaseSystemDeliveryException extends RuntimeException {

    private final boolean retriable;
    private final Integer httpStatus;

    CaseSystemDeliveryException(String reason, boolean retriable, Integer httpStatus, Throwable cause) {
        super(reason, cause, false, false);
        this.retriable = retriable;
        this.httpStatus = httpStatus;
    }

    boolean retriable() {
        return retriable;
    }

    Integer httpStatus() {
        return httpStatus;
    }
}

package org.earlyhelp.hub.connector.schools;

/** A delivery that did not succeed; the reason names what failed, never what was being sent. */
class SchoolDeliveryException extends RuntimeException {

    private final boolean retriable;
    private final Integer httpStatus;

    SchoolDeliveryException(String reason, boolean retriable, Integer httpStatus, Throwable cause) {
        super(reason, cause);
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

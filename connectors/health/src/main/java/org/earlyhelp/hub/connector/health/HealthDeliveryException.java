package org.earlyhelp.hub.connector.health;

/** A notification the health system did not take; the message names a status or a kind, never what was sent. */
final class HealthDeliveryException extends RuntimeException {

    private final boolean retriable;
    private final Integer httpStatus;

    HealthDeliveryException(String reason, boolean retriable, Integer httpStatus, Throwable cause) {
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

package org.earlyhelp.hub.connector.housing;

/** A notification the webhook did not take; the message names what failed (a status, a kind), never what was sent. */
final class HousingDeliveryException extends RuntimeException {

    private final boolean retriable;
    private final Integer httpStatus;

    HousingDeliveryException(String reason, boolean retriable, Integer httpStatus, Throwable cause) {
        super(reason, cause, false, false);
        this.retriable = retriable;
        this.httpStatus = httpStatus;
    }

    boolean retriable() {
        return retriable;
    }

    /** The webhook's answer, or null when it gave none (a timeout, a refused connection). */
    Integer httpStatus() {
        return httpStatus;
    }
}

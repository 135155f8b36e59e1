package org.earlyhelp.hub.schema.payload;

/** A payload whose type or writer schema no connector registered; the message names no content. */
public final class UnknownPayloadException extends RuntimeException {

    public UnknownPayloadException(String message) {
        super(message);
    }

    public UnknownPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.earlyhelp.hub.matching.index;

/** The person index could not be read or written; the message never carries personal data. */
public final class IndexException extends RuntimeException {

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexException(String message) {
        super(message);
    }
}

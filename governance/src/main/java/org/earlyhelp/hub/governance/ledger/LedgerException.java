package org.earlyhelp.hub.governance.ledger;

/** The ledger could not be written or read; nothing may be sent while this is thrown. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}

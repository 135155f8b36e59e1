package org.earlyhelp.hub.governance.dataset;

/** A dataset export the agreements do not license; it is in the ledger as a DENY. The message names no person. */
public final class DatasetRefused extends RuntimeException {
    public DatasetRefused(String message) {
        super(message);
    }
}

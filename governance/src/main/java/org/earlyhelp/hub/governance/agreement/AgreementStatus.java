package org.earlyhelp.hub.governance.agreement;

/** Life-cycle of an agreement. Only {@link #APPROVED} agreements can permit a flow. */
public enum AgreementStatus {
    DRAFT,
    APPROVED,
    SUSPENDED,
    EXPIRED,
    /** Ended by the parties before its end date; kept, with its history, so what was shared under it stays accountable. */
    TERMINATED;

    /** The spelling used in agreement files. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

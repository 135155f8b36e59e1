package org.earlyhelp.hub.governance.relationship;

import java.util.Locale;

/** Whether an authoritative source confirmed a relationship; most kinds have no such source. */
public enum Corroboration {
    CORROBORATED,
    UNCORROBORATED,
    NOT_APPLICABLE;

    /** {@code not-applicable}, the spelling the ledger and the access review use. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

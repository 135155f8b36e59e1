package org.earlyhelp.hub.governance.agreement;

/** Whether a flow under the agreement needs the family's recorded consent. */
public enum ConsentRule {
    /** Safeguarding sharing that does not rely on consent (e.g. DPA 2018 Sch 1 para 18). */
    NOT_REQUIRED,
    /** Consent must be recorded before anything flows; without it the decision is REVIEW. */
    REQUIRED;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

package org.earlyhelp.hub.governance.decision;

/** The three answers of the policy decision point. */
public enum Outcome {
    PERMIT,
    DENY,
    /** Refer to a person: nothing flows until someone decides. */
    REVIEW
}

package org.earlyhelp.hub.governance.review;

/** Why a notification was held for review rather than sent: what must be resolved before it may be released. */
public enum ReviewCause {
    /** The agreement needs the family's consent and none is recorded: record consent, or assert an override. */
    CONSENT,
    /** The recipient's connector could not address the subject (no school known): name the recipient found. */
    UNADDRESSABLE,
    /** No connector delivers to the recipient partner: nothing can be released until one does. */
    NO_CONNECTOR;

    /** What resolves it, in words for the reviewer. */
    public String resolution() {
        return switch (this) {
            case CONSENT -> "record the family's consent, or assert a safeguarding override the agreement allows";
            case UNADDRESSABLE ->
                "name the recipient found (for a school, its URN), with whom the person has a"
                        + " recorded relationship";
            case NO_CONNECTOR -> "install a connector that delivers to the recipient";
        };
    }
}

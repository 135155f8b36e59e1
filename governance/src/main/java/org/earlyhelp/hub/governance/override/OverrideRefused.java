package org.earlyhelp.hub.governance.override;

/** An override the agreement does not allow: its reason, role or length, or no override declared at all. */
public final class OverrideRefused extends RuntimeException {
    OverrideRefused(String message) {
        super(message);
    }
}

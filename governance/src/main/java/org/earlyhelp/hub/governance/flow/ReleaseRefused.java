package org.earlyhelp.hub.governance.flow;

import java.util.List;

/**
 * A review item that cannot be released yet: decided again at this moment, it is still not a PERMIT. The reasons
 * (free of personal data) say what remains unresolved; the item stays open and nothing was ledgered or sent.
 */
public final class ReleaseRefused extends RuntimeException {

    private final List<String> reasons;

    ReleaseRefused(List<String> reasons) {
        super("not releasable: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}

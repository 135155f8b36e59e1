package org.earlyhelp.hub.governance.decision;

import java.util.List;
import java.util.Optional;
import org.earlyhelp.hub.governance.agreement.Agreement;

/**
 * The answer for one recipient partner: the outcome, the agreement it rests on (if any agreement was considered), and
 * reasons a governance board member can read. Reasons never hold personal data.
 */
public record Decision(Outcome outcome, String recipient, Optional<Agreement> agreement, List<String> reasons) {

    public Decision {
        reasons = List.copyOf(reasons);
    }

    public static Decision permit(Agreement agreement, String recipient, String reason) {
        return new Decision(Outcome.PERMIT, recipient, Optional.of(agreement), List.of(reason));
    }

    public static Decision deny(Agreement agreement, String recipient, String reason) {
        return new Decision(Outcome.DENY, recipient, Optional.ofNullable(agreement), List.of(reason));
    }

    public static Decision review(Agreement agreement, String recipient, String reason) {
        return new Decision(Outcome.REVIEW, recipient, Optional.of(agreement), List.of(reason));
    }

    public boolean permitted() {
        return outcome == Outcome.PERMIT;
    }
}

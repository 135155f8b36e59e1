package org.earlyhelp.hub.governance.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;

/**
 * Deny by default: a record may go to a recipient only under an agreement that is approved, in date, and covers the
 * record's kind, type, provider, the recipient and the purpose. Every agreement that names the record's provider and
 * type is answered for, so a suspended or expired agreement shows in the ledger as the reason nothing flowed.
 */
public final class PolicyDecisionPoint {

    private final Supplier<List<Agreement>> agreements;

    public PolicyDecisionPoint(List<Agreement> agreements) {
        List<Agreement> fixed = List.copyOf(agreements);
        this.agreements = () -> fixed;
    }

    /** Decides against whatever the supplier holds at the time: the board's agreements can be reloaded live. */
    public PolicyDecisionPoint(Supplier<List<Agreement>> agreements) {
        this.agreements = agreements;
    }

    public List<Agreement> agreements() {
        return agreements.get();
    }

    /**
     * One decision per (agreement, recipient) that could apply to the record; a single DENY with recipient {@code
     * none} when no agreement covers it at all.
     */
    public List<Decision> decide(RecordDescriptor record, LocalDate today, ConsentCheck consent) {
        List<Decision> decisions = new ArrayList<>();
        for (Agreement a : agreements.get()) {
            if (!covers(a, record)) {
                continue;
            }
            for (String recipient : a.recipients()) {
                decisions.add(decide(a, recipient, today, consent));
            }
        }
        if (decisions.isEmpty()) {
            decisions.add(Decision.deny(
                    null,
                    "none",
                    "no agreement covers " + record.kind() + "/" + record.type() + " from " + record.provider()));
        }
        return decisions;
    }

    /** The decision for one named recipient and purpose: DENY unless some agreement permits exactly that. */
    public Decision decide(
            RecordDescriptor record, String recipient, String purpose, LocalDate today, ConsentCheck consent) {
        Decision best = null;
        for (Agreement a : agreements.get()) {
            if (covers(a, record)
                    && a.recipients().contains(recipient)
                    && a.purpose().equals(purpose)) {
                Decision d = decide(a, recipient, today, consent);
                if (d.permitted()) {
                    return d;
                }
                best = best == null ? d : best;
            }
        }
        return best != null
                ? best
                : Decision.deny(
                        null,
                        recipient,
                        "no agreement covers " + record.kind() + "/" + record.type() + " from " + record.provider()
                                + " to " + recipient + " for " + purpose);
    }

    private static boolean covers(Agreement a, RecordDescriptor record) {
        return a.provider().equals(record.provider())
                && a.appliesTo().kind().equals(record.kind())
                && a.appliesTo().type().equals(record.type());
    }

    private static Decision decide(Agreement a, String recipient, LocalDate today, ConsentCheck consent) {
        String ref = a.id() + " v" + a.version();
        if (a.status() != AgreementStatus.APPROVED) {
            return Decision.deny(a, recipient, ref + " is " + a.status().yamlName());
        }
        if (today.isBefore(a.valid().from())) {
            return Decision.deny(
                    a, recipient, ref + " is not in force until " + a.valid().from());
        }
        if (today.isAfter(a.valid().until())) {
            return Decision.deny(a, recipient, ref + " expired on " + a.valid().until());
        }
        if (a.consent() == ConsentRule.REQUIRED && !consent.recorded(a)) {
            return Decision.review(a, recipient, ref + " requires consent and none is recorded");
        }
        return Decision.permit(a, recipient, ref + " permits " + a.purpose());
    }

    /** Whether the family's consent is recorded for an agreement that needs it. */
    @FunctionalInterface
    public interface ConsentCheck {
        boolean recorded(Agreement agreement);

        ConsentCheck NONE_RECORDED = a -> false;
    }
}

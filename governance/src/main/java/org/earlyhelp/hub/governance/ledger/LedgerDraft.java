package org.earlyhelp.hub.governance.ledger;

import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.governance.decision.Outcome;

/**
 * A decision about to be written to the ledger. {@code decisionKey} identifies it across retries: a second append of
 * the same key returns the entry already written instead of a new one.
 */
public record LedgerDraft(
        String decisionKey,
        Outcome decision,
        String recordId,
        String subjectKey,
        String provider,
        String recipient,
        String agreementId,
        Integer agreementVersion,
        String purpose,
        String lawfulBasis,
        List<String> fieldsReleased,
        List<String> reasons) {

    public LedgerDraft {
        Objects.requireNonNull(decisionKey, "decisionKey");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(recipient, "recipient");
        fieldsReleased = List.copyOf(fieldsReleased);
        reasons = List.copyOf(reasons);
    }
}

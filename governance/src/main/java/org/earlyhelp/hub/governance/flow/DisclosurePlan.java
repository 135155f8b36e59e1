package org.earlyhelp.hub.governance.flow;

import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;

/**
 * Everything decided about one record: a ledger draft for every decision, and for each PERMIT the minimised fields
 * ready to send once the draft is in the ledger.
 */
public record DisclosurePlan(String recordId, List<LedgerDraft> drafts, List<Release> releases) {

    public DisclosurePlan {
        drafts = List.copyOf(drafts);
        releases = List.copyOf(releases);
    }

    /** A permitted disclosure; {@code draft} is the ledger draft that must be written before it is sent. */
    public record Release(
            LedgerDraft draft,
            Recipient recipient,
            int agreementVersion,
            String purpose,
            String deadline,
            Map<String, String> fields) {}
}

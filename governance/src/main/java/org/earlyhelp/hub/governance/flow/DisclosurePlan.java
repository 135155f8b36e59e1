package org.earlyhelp.hub.governance.flow;

import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;

/**
 * Everything decided about one record: a ledger draft for every decision, and for each PERMIT the minimised fields
 * ready to send once the draft is in the ledger; for each REVIEW of a notification, its place in the review queue.
 */
public record DisclosurePlan(
        String recordId,
        List<LedgerDraft> drafts,
        List<Release> releases,
        List<org.earlyhelp.hub.governance.review.ReviewItem.Parked> parked) {

    public DisclosurePlan {
        drafts = List.copyOf(drafts);
        releases = List.copyOf(releases);
        parked = List.copyOf(parked);
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

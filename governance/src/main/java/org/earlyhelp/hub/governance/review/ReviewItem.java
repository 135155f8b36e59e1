package org.earlyhelp.hub.governance.review;

import java.time.Instant;
import java.util.List;

/**
 * One notification parked for review: the REVIEW decision ({@code decisionKey}, in the ledger at {@code ledgerSeq}),
 * what it is about (record, the subject's reference within it, never an identity), to whom and under which agreement it
 * would go, why it was held, and how it was closed.
 */
public record ReviewItem(
        String decisionKey,
        long ledgerSeq,
        String recordId,
        String subjectRef,
        String subjectKey,
        String provider,
        String recipientPartner,
        String agreementId,
        Integer agreementVersion,
        ReviewCause cause,
        List<String> reasons,
        Instant parkedAt,
        Status status,
        String closedBy,
        Instant closedAt,
        String closedReason,
        String closingKey) {

    public ReviewItem {
        reasons = List.copyOf(reasons);
    }

    public enum Status {
        OPEN,
        RELEASED,
        REFUSED
    }

    /** A REVIEW decision about to be parked, as planned. */
    public record Parked(
            String decisionKey,
            String recordId,
            String subjectRef,
            String subjectKey,
            String provider,
            String recipientPartner,
            String agreementId,
            Integer agreementVersion,
            ReviewCause cause,
            List<String> reasons) {
        public Parked {
            reasons = List.copyOf(reasons);
        }
    }

    /** How an item is closed: released or refused, by whom, with which coded reason, under which ledger entry. */
    public record Closing(Status status, String by, String reason, String closingKey) {}
}

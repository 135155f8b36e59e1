package org.earlyhelp.hub.governance.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hub.governance.decision.Outcome;

/** One row of the ledger, as written: a typed entry (a disclosure decision or another event) with its place in the hash chain. */
public record LedgerEntry(
        long seq,
        UUID entryId,
        String decisionKey,
        Instant decidedAt,
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
        List<String> reasons,
        EntryType type,
        String actor,
        Map<String, String> details,
        String prevHash,
        String hash) {

    public LedgerEntry {
        type = type == null ? EntryType.DISCLOSURE : type;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    static LedgerEntry from(
            LedgerDraft d, long seq, UUID entryId, Instant decidedAt, String prevHash, long keyedFrom, ChainKey key) {
        LedgerEntry unhashed = new LedgerEntry(
                seq,
                entryId,
                d.decisionKey(),
                decidedAt,
                d.decision(),
                d.recordId(),
                d.subjectKey(),
                d.provider(),
                d.recipient(),
                d.agreementId(),
                d.agreementVersion(),
                d.purpose(),
                d.lawfulBasis(),
                d.fieldsReleased(),
                d.reasons(),
                d.type(),
                d.actor(),
                d.details(),
                prevHash,
                null);
        return unhashed.withHash(ChainHash.of(unhashed, keyedFrom, key));
    }

    LedgerEntry withHash(String hash) {
        return new LedgerEntry(
                seq,
                entryId,
                decisionKey,
                decidedAt,
                decision,
                recordId,
                subjectKey,
                provider,
                recipient,
                agreementId,
                agreementVersion,
                purpose,
                lawfulBasis,
                fieldsReleased,
                reasons,
                type,
                actor,
                details,
                prevHash,
                hash);
    }
}

package org.earlyhelp.hub.governance.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.earlyhelp.hub.governance.decision.Outcome;

/**
 * An entry about to be written to the ledger. {@code decisionKey} identifies it across retries: a second append of
 * the same key returns the entry already written instead of a new one. A {@link EntryType#DISCLOSURE} names a
 * decision, record, provider and recipient; other types ({@link #event}) name an actor and typed details instead.
 * Details hold ids, subject keys and vocabulary words only, never personal data.
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
        List<String> reasons,
        EntryType type,
        String actor,
        Map<String, String> details) {

    public LedgerDraft {
        Objects.requireNonNull(decisionKey, "decisionKey");
        Objects.requireNonNull(type, "type");
        if (type == EntryType.DISCLOSURE) {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(recipient, "recipient");
        }
        fieldsReleased = List.copyOf(fieldsReleased);
        reasons = List.copyOf(reasons);
        details = Map.copyOf(details);
    }

    /** A disclosure decision, as the hub has always written them. */
    public LedgerDraft(
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
        this(
                decisionKey,
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
                EntryType.DISCLOSURE,
                null,
                Map.of());
    }

    /**
     * Any entry other than a disclosure: {@code eventKey} makes it idempotent, {@code actor} is who did it (an
     * organisation as {@code kind:id}, a professional, or {@code hub}), {@code subjectKey} the person's keyed HMAC where
     * the event is about a person.
     */
    public static LedgerDraft event(
            EntryType type, String eventKey, String actor, String subjectKey, Map<String, String> details) {
        if (type == EntryType.DISCLOSURE) {
            throw new IllegalArgumentException("a disclosure is a decision: use the constructor");
        }
        Objects.requireNonNull(actor, "actor");
        return new LedgerDraft(
                eventKey,
                null,
                null,
                subjectKey,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                type,
                actor,
                details);
    }

    /**
     * The same decision under another key, decided by {@code actor} with these reasons and details: a decision taken
     * again by a person (a release from review) is its own entry, never the one it resolves.
     */
    public LedgerDraft decidedBy(String key, String actor, List<String> reasons, Map<String, String> details) {
        return new LedgerDraft(
                key,
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
                details);
    }

    /** The same draft with these details added (e.g. the professional and relationship behind a pull). */
    public LedgerDraft withDetails(Map<String, String> more) {
        Map<String, String> merged = new java.util.TreeMap<>(details);
        merged.putAll(more);
        return new LedgerDraft(
                decisionKey,
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
                merged);
    }
}

package org.earlyhelp.hub.governance.ledger;

/**
 * What a ledger entry answers for. Every act the board must account for is one typed, hash-chained entry in the one
 * ledger: later capabilities add a type here, never a new log.
 */
public enum EntryType {
    /** A PERMIT, DENY or REVIEW about one record, subject and recipient (push or pull). */
    DISCLOSURE,
    /** A pull: who asked (organisation, professional), for which purpose, relying on which relationship. */
    PULL,
    /** Consent given or withdrawn for a person and agreement, with who recorded it and on what basis. */
    CONSENT,
    /** A credential issued to an organisation (never the credential itself). */
    CREDENTIAL_ISSUED,
    /** A credential revoked. */
    CREDENTIAL_REVOKED,
    /** An agreement put in force, changed, suspended or ended. */
    AGREEMENT_CHANGE,
    /** Stored records purged at the end of their retention. */
    PURGE,
    /** A dataset exported (analysts). */
    EXPORT,
    /** A query of the ledger or the index that the board must be able to account for (subject access). */
    QUERY,
    /**
     * A restore of the ledger's database from backup, declared by an operator: the entries after the backup are known
     * lost, and the checkpoints that saw them are archived, so the shorter ledger is not reported as a truncation.
     */
    RESTORE,
    /** A safeguarding override asserted: who, in which role, citing which gateway, for which record and until when. */
    OVERRIDE,
    /**
     * A dead-lettered record put back on its inbound topic by a person, to be governed afresh (a replayed disclosure
     * is instead a DISCLOSURE decided again, with the replayer as actor).
     */
    REPLAY,
    /**
     * A recall sent to a recipient of a disclosure whose record its provider withdrew (withdrawn, misdirected,
     * superseded), or the withdrawal itself: who, why, and which disclosure it recalls.
     */
    RECALL
}

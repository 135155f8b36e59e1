package org.earlyhelp.hub.governance.ledger;

import java.time.Instant;

/**
 * The ledger's head as one instance saw it once it was committed: the last entry's number and hash, where the keyed
 * chain starts, and when. Kept outside the database, signed with the {@link ChainKey}, so a ledger found shorter than a
 * checkpoint saw, or different at the entry it names, has been truncated or rewritten.
 *
 * @param file the file it was read from (null before it is written)
 * @param signed whether its signature holds under the hub's chain key (false: forged, or damaged)
 */
public record Checkpoint(long seq, String hash, long keyedFrom, Instant writtenAt, String file, boolean signed) {

    static final String HEADER = "ledger-checkpoint v1";

    /** A checkpoint of the head about to be written. */
    public static Checkpoint of(long seq, String hash, long keyedFrom, Instant writtenAt) {
        return new Checkpoint(seq, hash, keyedFrom, writtenAt, null, true);
    }

    /** The signed text: every field, one per line, in a fixed order. */
    String canonical() {
        return HEADER + "\nseq=" + seq + "\nhash=" + hash + "\nkeyed-from=" + keyedFrom + "\nwritten-at=" + writtenAt
                + "\n";
    }
}

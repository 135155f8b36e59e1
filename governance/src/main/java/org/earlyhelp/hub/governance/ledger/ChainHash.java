package org.earlyhelp.hub.governance.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * An entry's place in the chain: every column and the previous entry's hash, with unambiguous separators. From the
 * entry where the keyed chain starts ({@code keyed_from} in {@code ledger_chain}) it is an HMAC-SHA256 under the
 * {@link ChainKey}; entries written before that keep the plain SHA-256 they were written with, so existing ledgers
 * still verify, and the first keyed entry's link to the last plain one anchors them.
 */
final class ChainHash {

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001e';
    private static final String NULL = "\u0000";

    private ChainHash() {}

    /** The hash {@code e} must carry, given where the keyed chain starts. */
    static String of(LedgerEntry e, long keyedFrom, ChainKey key) {
        return e.seq() < keyedFrom ? legacy(e) : keyed(e, key);
    }

    /** HMAC-SHA256 of every column, always including type, actor and details. */
    static String keyed(LedgerEntry e, ChainKey key) {
        return key.chainMac("hmac-v1" + FIELD + canonical(e, true));
    }

    /** The plain SHA-256 of entries written before the keyed chain (a pre-V8 disclosure hashes as it always did). */
    static String legacy(LedgerEntry e) {
        boolean typed = e.type() != EntryType.DISCLOSURE
                || e.actor() != null
                || !e.details().isEmpty();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(e, typed).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private static String canonical(LedgerEntry e, boolean typed) {
        StringBuilder s = new StringBuilder(512);
        append(s, e.seq());
        append(s, e.entryId());
        append(s, e.decisionKey());
        append(s, e.decidedAt().getEpochSecond() + "." + e.decidedAt().getNano());
        append(s, e.decision());
        append(s, e.recordId());
        append(s, e.subjectKey());
        append(s, e.provider());
        append(s, e.recipient());
        append(s, e.agreementId());
        append(s, e.agreementVersion());
        append(s, e.purpose());
        append(s, e.lawfulBasis());
        append(s, e.fieldsReleased());
        append(s, e.reasons());
        if (typed) {
            append(s, e.type());
            append(s, e.actor());
            append(
                    s,
                    new TreeMap<>(e.details())
                            .entrySet().stream()
                                    .map(en -> en.getKey() + "=" + en.getValue())
                                    .toList());
        }
        append(s, e.prevHash());
        return s.toString();
    }

    private static void append(StringBuilder s, Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                s.append(item).append(ITEM);
            }
        } else {
            s.append(value == null ? NULL : value.toString());
        }
        s.append(FIELD);
    }
}

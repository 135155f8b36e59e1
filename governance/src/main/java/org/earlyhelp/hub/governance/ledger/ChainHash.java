package org.earlyhelp.hub.governance.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over every column of an entry and the previous entry's hash, with unambiguous separators. */
final class ChainHash {

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001e';
    private static final String NULL = "\u0000";

    private ChainHash() {}

    static String of(LedgerEntry e) {
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
        if (e.type() != EntryType.DISCLOSURE
                || e.actor() != null
                || !e.details().isEmpty()) {
            // typed entries (V8) chain their type, actor and details too; a plain disclosure hashes as before V8,
            // so ledgers written before typed entries still verify
            append(s, e.type());
            append(s, e.actor());
            append(
                    s,
                    new java.util.TreeMap<>(e.details())
                            .entrySet().stream()
                                    .map(en -> en.getKey() + "=" + en.getValue())
                                    .toList());
        }
        append(s, e.prevHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
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

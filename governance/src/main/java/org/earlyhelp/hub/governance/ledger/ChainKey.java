package org.earlyhelp.hub.governance.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the ledger's chain and signs its checkpoints. It is held outside the database (configuration,
 * or a file in the embedded data folder), so someone who can rewrite the ledger's tables cannot recompute the chain:
 * with a plain hash they could delete the tail, rehash, and rewrite the head. Two purposes get two derived keys, so a
 * checkpoint signature can never pass for an entry's hash.
 */
public final class ChainKey {

    /** The fewest bytes a chain key may have. */
    public static final int MIN_BYTES = 32;

    private final byte[] chain;
    private final byte[] checkpoint;

    public ChainKey(byte[] key) {
        if (key == null || key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the ledger chain key must be at least " + MIN_BYTES + " bytes");
        }
        this.chain = hmac(key, "ledger-chain-v1".getBytes(StandardCharsets.UTF_8));
        this.checkpoint = hmac(key, "ledger-checkpoint-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** The hex HMAC-SHA256 of an entry's canonical form. */
    String chainMac(String canonical) {
        return HexFormat.of().formatHex(hmac(chain, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex HMAC-SHA256 signature of a checkpoint's canonical form. */
    String checkpointMac(String canonical) {
        return HexFormat.of().formatHex(hmac(checkpoint, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ChainKey[***]";
    }
}

package org.earlyhelp.hub.governance.minimise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 pseudonyms. Never a plain hash: an NHS number has too few values not to be brute-forced. Each
 * agreement gets its own derived key, so pseudonyms released under two agreements cannot be joined.
 */
public final class Pseudonymiser {

    private final byte[] key;

    public Pseudonymiser(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The pseudonym of {@code value} within {@code scope} (an agreement id, or a project). */
    public String pseudonym(String scope, String value) {
        byte[] scopedKey = hmac(key, scope);
        return HexFormat.of().formatHex(hmac(scopedKey, value));
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package org.earlyhelp.hub.app.config;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Checks a configured secret key before the hub uses it. Every key must be base64 of at least 32 bytes; outside the
 * embedded run it must also not be a development key (those are in the public repository, so anyone could recompute
 * the ledger's person keys or its chain) and must look like random bytes rather than a password or a phrase.
 * Messages name the setting, never the value.
 */
public final class KeyMaterial {

    /** The fewest bytes any key may have. */
    public static final int MIN_BYTES = 32;

    /** Keys published in this repository (application.yml), decoded. */
    private static final List<byte[]> DEVELOPMENT_KEYS =
            List.of(Base64.getDecoder().decode("ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAxMjM0NTY3ODk="));

    private static final String HOW = "; generate one with `openssl rand -base64 32`";

    private KeyMaterial() {}

    /**
     * The key bytes of {@code base64}, configured as {@code setting}; {@code embedded} relaxes nothing but the
     * development-key and randomness checks.
     */
    public static byte[] decode(String setting, String base64, boolean embedded) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(
                    setting + " must be set to base64 of at least " + MIN_BYTES + " random bytes" + HOW);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64" + HOW);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(setting + " decodes to " + key.length + " bytes; it needs at least "
                    + MIN_BYTES + " random bytes" + HOW);
        }
        if (!embedded) {
            for (byte[] dev : DEVELOPMENT_KEYS) {
                if (MessageDigest.isEqual(dev, key)) {
                    throw new IllegalStateException(setting + " is the development key published in the"
                            + " repository; set a real one before running outside the embedded run" + HOW);
                }
            }
            if (!looksRandom(key)) {
                throw new IllegalStateException(setting + " does not look like random bytes (it decodes to text,"
                        + " or repeats); a password or phrase is not a key" + HOW);
            }
        }
        return key;
    }

    /**
     * 32 random bytes are all printable ASCII with odds of about 1 in 10^14 and have fewer than 16 distinct values
     * with odds far smaller still; a passphrase or a repeated pattern fails one or the other.
     */
    static boolean looksRandom(byte[] key) {
        boolean allText = true;
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : key) {
            int v = b & 0xff;
            if (v < 0x20 || v > 0x7e) {
                allText = false;
            }
            if (!seen[v]) {
                seen[v] = true;
                distinct++;
            }
        }
        return !allText && distinct >= 16;
    }
}

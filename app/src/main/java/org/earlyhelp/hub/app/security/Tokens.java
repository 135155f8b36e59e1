package org.earlyhelp.hub.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making tokens and ids, and hashing tokens: the hub keeps only the SHA-256 of a token, never the token. */
final class Tokens {

    static final String PREFIX = "hub_";
    private static final SecureRandom random = new SecureRandom();

    private Tokens() {}

    /** 32 random bytes, base64url, with a prefix that lets secret scanners recognise a leaked hub token. */
    static String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A credential id: not secret, safe in logs and the ledger. */
    static String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "cred-" + HexFormat.of().formatHex(bytes);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }
}

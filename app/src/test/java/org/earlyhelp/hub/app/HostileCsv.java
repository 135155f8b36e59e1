package org.earlyhelp.hub.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Hostile variants of a valid CSV extract, for the running hub: what a broken export, a wrong encoding or an attacker
 * sends. Each call applies one to three of the mutations, so most variants are partly valid (the good rows must still
 * be stored, the bad ones dead-lettered with a reason).
 */
final class HostileCsv {

    private HostileCsv() {}

    static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out = once(out, random);
        }
        return out;
    }

    private static byte[] once(byte[] in, Random random) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        return switch (random.nextInt(9)) {
            case 0 -> Arrays.copyOf(in, at); // truncated mid-row
            case 1 -> insert(in, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // invalid UTF-8
            case 2 -> insert(in, at, new byte[] {0}); // a NUL
            case 3 -> insert(in, at, "\"".getBytes(StandardCharsets.UTF_8)); // an unbalanced quote
            case 4 -> insert(in, at, ("," + "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8)); // oversized
            case 5 -> dropFirstLine(in); // no header
            case 6 -> insert(in, at, "\r\n\r\n,,,,\n".getBytes(StandardCharsets.UTF_8)); // empty rows
            case 7 -> insert(in, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM
            default -> randomBytes(random, 1 + random.nextInt(512)); // not CSV at all
        };
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, at);
        out.write(what, 0, what.length);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static byte[] dropFirstLine(byte[] in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                return Arrays.copyOfRange(in, i + 1, in.length);
            }
        }
        return new byte[0];
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}

package org.earlyhelp.hub.matching.identifiers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DfE Unique Pupil Number: a check letter, then the LA number (3 digits), school number (4), year (2) and serial
 * (3); a temporary UPN ends in a letter instead of the last serial digit.
 *
 * <p>The check letter is the DfE modulus-23 check: characters 2 to 13 are weighted 2 to 13 (a digit counts as its
 * value, a letter as its place in {@value #LETTERS}), and the sum modulo 23 indexes that same alphabet. The letters I,
 * O and S are never used, so they cannot be confused with 1, 0 and 5. The LA number is not checked against the list of
 * authorities, which changes over time.
 */
public final class Upn {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[" + LETTERS + "][0-9]{11}[0-9" + LETTERS + "]");
    private static final Pattern SPACES = Pattern.compile("\\s");

    private Upn() {}

    /** Upper case without spaces; never returns null. */
    public static String normalise(String raw) {
        return raw == null ? "" : SPACES.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** The normalised UPN, or empty when its format or check letter is wrong (including the UN1-UN5 codes). */
    public static Optional<String> parse(String raw) {
        String upn = normalise(raw);
        boolean valid = FORMAT.matcher(upn).matches() && checkLetter(upn.substring(1)) == upn.charAt(0);
        return valid ? Optional.of(upn) : Optional.empty();
    }

    public static boolean valid(String raw) {
        return parse(raw).isPresent();
    }

    /** The check letter for the twelve characters that follow it. */
    static char checkLetter(String lastTwelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i + 2) * value(lastTwelve.charAt(i));
        }
        return LETTERS.charAt(sum % 23);
    }

    private static int value(char c) {
        return Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
    }
}

package org.earlyhelp.hub.matching.identifiers;

import java.util.Optional;
import java.util.regex.Pattern;

/** The NHS number: ten digits, the last a modulus-11 check digit over the first nine. */
public final class NhsNumber {

    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private NhsNumber() {}

    /** Strips the spaces and dashes people write between the 3-3-4 groups; never returns null. */
    public static String normalise(String raw) {
        return raw == null ? "" : SEPARATORS.matcher(raw).replaceAll("");
    }

    /** The normalised number, or empty when it is not a valid NHS number. */
    public static Optional<String> parse(String raw) {
        String digits = normalise(raw);
        return hasValidCheckDigit(digits) ? Optional.of(digits) : Optional.empty();
    }

    public static boolean valid(String raw) {
        return parse(raw).isPresent();
    }

    private static boolean hasValidCheckDigit(String digits) {
        if (!TEN_DIGITS.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        // A remainder giving 10 has no check digit: such numbers are never issued.
        return check != 10 && check == digits.charAt(9) - '0';
    }
}

package org.earlyhelp.hub.matching.identifiers;

import java.util.Locale;

/**
 * Reads the ways extracts write sex: {@code M/F}, {@code Male/Female}, {@code 1/2} (the NHS data dictionary's codes),
 * in any case; unknown codes ({@code 0}, {@code 9}, {@code U}, "not known") are missing.
 */
public final class Sex {

    private Sex() {}

    /** {@code M}, {@code F}, another value upper-cased, or empty when missing or unknown. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "m", "male", "boy", "1" -> "M";
            case "f", "female", "girl", "2" -> "F";
            case "", "u", "unknown", "not known", "nk", "0", "9", "not specified", "indeterminate" -> "";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }
}

package org.earlyhelp.hub.matching.compare;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Grades identifiers keyed in by people (a social security id, a phone number): equal, or one keying slip apart.
 * Values are compared as upper-case letters and digits only; a value with none counts as missing.
 */
public final class IdentifierComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** One substitution, insertion, deletion or neighbour swap: a keying slip. */
        ONE_EDIT,
        OTHER,
        NULL
    }

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    /** Upper-case letters and digits only; never null. */
    public static String normalise(String raw) {
        return raw == null
                ? ""
                : NOT_ALPHANUMERIC.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    public Level compare(String a, String b) {
        return compareNormalised(normalise(a), normalise(b));
    }

    /** For values already passed through {@link #normalise(String)}. */
    public static Level compareNormalised(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return Level.NULL;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        return Edits.atMostOne(x, y) ? Level.ONE_EDIT : Level.OTHER;
    }
}

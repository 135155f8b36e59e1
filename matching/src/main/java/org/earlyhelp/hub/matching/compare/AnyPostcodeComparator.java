package org.earlyhelp.hub.matching.compare;

import java.util.Locale;
import java.util.regex.Pattern;
import org.earlyhelp.hub.matching.identifiers.Postcode;

/**
 * Grades UK postcodes as {@link PostcodeComparator} does, and also postcodes of other countries (test data such as
 * FEBRL carries Australian {@code 4011}), which have no sector or district: equal, or one keying slip apart.
 */
public final class AnyPostcodeComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** Same UK sector, e.g. {@code S41 7}. */
        SECTOR,
        /** Same UK district (outward code), e.g. {@code S41}. */
        DISTRICT,
        /** Neither is a UK postcode; they differ by one character. */
        ONE_EDIT,
        OTHER,
        NULL
    }

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    /** A non-UK postcode: alphanumerics only, upper case; empty without a digit (so "not known" is missing). */
    public static String foreign(String raw) {
        if (raw == null) {
            return "";
        }
        String compact = NOT_ALPHANUMERIC.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
        return DIGIT.matcher(compact).find() ? compact : "";
    }

    public Level compare(String a, String b) {
        Postcode x = Postcode.parse(a).orElse(null);
        Postcode y = Postcode.parse(b).orElse(null);
        return compare(x, x == null ? foreign(a) : "", y, y == null ? foreign(b) : "");
    }

    /** For values parsed once: a UK postcode (or null) and, when it is null, the {@link #foreign} form. */
    public static Level compare(Postcode x, String foreignX, Postcode y, String foreignY) {
        if (x != null && y != null) {
            if (x.equals(y)) {
                return Level.EXACT;
            }
            if (x.sector().equals(y.sector())) {
                return Level.SECTOR;
            }
            return x.outward().equals(y.outward()) ? Level.DISTRICT : Level.OTHER;
        }
        if (x != null || y != null || foreignX.isEmpty() || foreignY.isEmpty()) {
            return Level.NULL;
        }
        if (foreignX.equals(foreignY)) {
            return Level.EXACT;
        }
        return Edits.atMostOne(foreignX, foreignY) ? Level.ONE_EDIT : Level.OTHER;
    }
}

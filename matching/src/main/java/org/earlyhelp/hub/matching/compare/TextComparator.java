package org.earlyhelp.hub.matching.compare;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Grades short free text such as a town: equal after normalising, or close by Jaro-Winkler. */
public final class TextComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** Jaro-Winkler similarity at least {@value TextComparator#HIGH}. */
        JARO_WINKLER_HIGH,
        OTHER,
        NULL
    }

    static final double HIGH = 0.9;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** Lower case, punctuation to single spaces; never null. */
    public static String normalise(String raw) {
        return raw == null
                ? ""
                : NOT_LETTER_OR_DIGIT
                        .matcher(raw.toLowerCase(Locale.ROOT))
                        .replaceAll(" ")
                        .strip();
    }

    public Level compare(String a, String b) {
        return compareNormalised(normalise(a), normalise(b));
    }

    public static Level compareNormalised(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return Level.NULL;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        return JARO_WINKLER.apply(x, y) >= HIGH ? Level.JARO_WINKLER_HIGH : Level.OTHER;
    }
}

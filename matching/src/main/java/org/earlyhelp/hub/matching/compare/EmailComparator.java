package org.earlyhelp.hub.matching.compare;

import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Grades two email addresses: the same, the same mailbox name at another domain, or a near miss. */
public final class EmailComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** The part before {@code @} agrees, the domain does not. */
        SAME_LOCAL_PART,
        /** Jaro-Winkler similarity of the whole address at least {@value EmailComparator#HIGH}. */
        JARO_WINKLER_HIGH,
        OTHER,
        NULL
    }

    static final double HIGH = 0.88;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** Trimmed, lower case; empty when there is no {@code @} with text either side. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        return at > 0 && at < email.length() - 1 ? email : "";
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
        int ax = x.indexOf('@');
        int ay = y.indexOf('@');
        if (ax == ay && x.regionMatches(0, y, 0, ax)) {
            return Level.SAME_LOCAL_PART;
        }
        return JARO_WINKLER.apply(x, y) >= HIGH ? Level.JARO_WINKLER_HIGH : Level.OTHER;
    }
}

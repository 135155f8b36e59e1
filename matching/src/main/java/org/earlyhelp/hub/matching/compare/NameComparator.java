package org.earlyhelp.hub.matching.compare;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.earlyhelp.hub.matching.names.NameNormaliser;
import org.earlyhelp.hub.matching.names.Nicknames;

/** Grades two names (forenames or surnames), normalising them first; placeholders count as missing. */
public final class NameComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        NICKNAME,
        /** Double Metaphone codes agree (primary or alternate, either way round). */
        PHONETIC,
        /** Jaro-Winkler similarity at least {@value NameComparator#HIGH}. */
        JARO_WINKLER_HIGH,
        /** Jaro-Winkler similarity at least {@value NameComparator#MID}. */
        JARO_WINKLER_MID,
        OTHER,
        NULL
    }

    static final double HIGH = 0.92;
    static final double MID = 0.85;

    private final Nicknames nicknames;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

    public NameComparator(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /** With the nickname table shipped in this jar. */
    public static NameComparator standard() {
        return new NameComparator(Nicknames.standard());
    }

    /**
     * A name prepared once for many comparisons: normalised, with its Double Metaphone codes. A missing or placeholder
     * name has an empty {@code normalised}.
     */
    public record Prepared(String normalised, String primary, String alternate) {
        public boolean isNull() {
            return normalised.isEmpty();
        }
    }

    private static final Prepared NULL = new Prepared("", "", "");

    public Prepared prepare(String raw) {
        String x = NameNormaliser.normalise(raw);
        if (x.isEmpty() || NameNormaliser.isPlaceholder(x)) {
            return NULL;
        }
        return new Prepared(x, metaphone.doubleMetaphone(x, false), metaphone.doubleMetaphone(x, true));
    }

    public Level compare(String a, String b) {
        return compare(prepare(a), prepare(b));
    }

    public Level compare(Prepared a, Prepared b) {
        if (a.isNull() || b.isNull()) {
            return Level.NULL;
        }
        String x = a.normalised();
        String y = b.normalised();
        if (x.equals(y)) {
            return Level.EXACT;
        }
        if (nicknames.areNicknamesNormalised(x, y)) {
            return Level.NICKNAME;
        }
        if (soundAlike(a, b)) {
            return Level.PHONETIC;
        }
        double similarity = jaroWinkler.apply(x, y);
        if (similarity >= HIGH) {
            return Level.JARO_WINKLER_HIGH;
        }
        return similarity >= MID ? Level.JARO_WINKLER_MID : Level.OTHER;
    }

    private static boolean soundAlike(Prepared x, Prepared y) {
        if (x.primary().isEmpty() || y.primary().isEmpty()) {
            return false;
        }
        return x.primary().equals(y.primary())
                || x.primary().equals(y.alternate())
                || x.alternate().equals(y.primary())
                || x.alternate().equals(y.alternate());
    }
}

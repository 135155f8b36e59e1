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

    public Level compare(String a, String b) {
        String x = NameNormaliser.normalise(a);
        String y = NameNormaliser.normalise(b);
        if (x.isEmpty() || y.isEmpty() || NameNormaliser.isPlaceholder(x) || NameNormaliser.isPlaceholder(y)) {
            return Level.NULL;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        if (nicknames.areNicknames(x, y)) {
            return Level.NICKNAME;
        }
        if (soundAlike(x, y)) {
            return Level.PHONETIC;
        }
        double similarity = jaroWinkler.apply(x, y);
        if (similarity >= HIGH) {
            return Level.JARO_WINKLER_HIGH;
        }
        return similarity >= MID ? Level.JARO_WINKLER_MID : Level.OTHER;
    }

    private boolean soundAlike(String x, String y) {
        String primaryX = metaphone.doubleMetaphone(x, false);
        String alternateX = metaphone.doubleMetaphone(x, true);
        String primaryY = metaphone.doubleMetaphone(y, false);
        String alternateY = metaphone.doubleMetaphone(y, true);
        if (primaryX.isEmpty() || primaryY.isEmpty()) {
            return false;
        }
        return primaryX.equals(primaryY)
                || primaryX.equals(alternateY)
                || alternateX.equals(primaryY)
                || alternateX.equals(alternateY);
    }
}

package org.earlyhelp.hub.matching.compare;

import java.util.Arrays;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Grades two records' middle names, each already normalised and split into words (as {@code NameNormaliser} gives
 * them). Many systems do not record middle names at all and the rest often leave them out, so a record with none is
 * missing evidence ({@code NULL}), never a disagreement: only two records that both name a middle name can disagree.
 * Where they both do, the middle name is what tells a father from a son of one name, and a person who moved house
 * from a namesake.
 */
public final class MiddleNameComparator {

    public enum Level implements ComparisonLevel {
        /** The same middle names, in the same order. */
        EXACT,
        /**
         * The first middle names agree but the rest do not (one record has a second middle name the other lacks), or
         * spell the same name two ways (Jaro-Winkler at least {@value MiddleNameComparator#NEAR}: Anne and Ann, Jayne and
         * Jane), or one is the other's initial.
         */
        FIRST_AGREES,
        OTHER,
        NULL
    }

    static final double NEAR = 0.92;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private MiddleNameComparator() {}

    public static Level compare(String[] a, String[] b) {
        if (a.length == 0 || b.length == 0) {
            return Level.NULL;
        }
        if (Arrays.equals(a, b)) {
            return Level.EXACT;
        }
        String x = a[0];
        String y = b[0];
        if (x.equals(y) || initialOf(x, y) || initialOf(y, x) || JARO_WINKLER.apply(x, y) >= NEAR) {
            return Level.FIRST_AGREES;
        }
        return Level.OTHER;
    }

    /** {@code initial} is one letter and {@code name} begins with it. */
    private static boolean initialOf(String initial, String name) {
        return initial.length() == 1 && name.length() > 1 && name.charAt(0) == initial.charAt(0);
    }
}

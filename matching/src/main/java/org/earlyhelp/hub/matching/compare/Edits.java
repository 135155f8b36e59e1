package org.earlyhelp.hub.matching.compare;

/** Cheap edit-distance checks for short strings (identifiers, postcodes), without allocating. */
public final class Edits {

    private Edits() {}

    /** True when equal, or one substitution, insertion, deletion or swap of two neighbours apart. */
    public static boolean atMostOne(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (Math.abs(lx - ly) > 1) {
            return false;
        }
        int i = 0;
        while (i < lx && i < ly && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (i == lx && i == ly) {
            return true;
        }
        if (lx == ly) {
            // substitution at i, or transposition of i and i+1
            if (x.regionMatches(i + 1, y, i + 1, lx - i - 1)) {
                return true;
            }
            return i + 1 < lx
                    && x.charAt(i) == y.charAt(i + 1)
                    && x.charAt(i + 1) == y.charAt(i)
                    && x.regionMatches(i + 2, y, i + 2, lx - i - 2);
        }
        return lx > ly ? x.regionMatches(i + 1, y, i, ly - i) : y.regionMatches(i + 1, x, i, lx - i);
    }
}

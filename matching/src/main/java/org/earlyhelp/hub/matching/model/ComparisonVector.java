package org.earlyhelp.hub.matching.model;

import java.util.Arrays;
import java.util.List;

/** For one pair of records, the level index each comparison gave, in the order of the comparisons. */
public final class ComparisonVector {

    private final int[] levels;

    private ComparisonVector(int[] levels) {
        this.levels = levels;
    }

    public static ComparisonVector of(int... levelIndexes) {
        return new ComparisonVector(levelIndexes.clone());
    }

    /** Grades the pair on every comparison. */
    public static ComparisonVector compare(List<Comparison> comparisons, PersonRecord a, PersonRecord b) {
        int[] levels = new int[comparisons.size()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = comparisons.get(k).levelIndex(a, b);
        }
        return new ComparisonVector(levels);
    }

    public int size() {
        return levels.length;
    }

    public int level(int comparison) {
        return levels[comparison];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonVector other && Arrays.equals(levels, other.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "ComparisonVector" + Arrays.toString(levels);
    }
}

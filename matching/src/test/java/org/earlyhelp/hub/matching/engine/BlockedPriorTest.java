package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.earlyhelp.hub.matching.model.ComparisonVector;
import org.junit.jupiter.api.Test;

class BlockedPriorTest {

    // two comparisons, level 0 agrees and level 1 does not: an identifier, and a surname the load was blocked on
    final double[][] m = {{0.9, 0.1}, {0.95, 0.05}};
    final double[][] u = {{1e-6, 1 - 1e-6}, {0.01, 0.99}};
    final List<ComparisonVector> patterns = List.of(ComparisonVector.of(0, 0), ComparisonVector.of(1, 0));

    @Test
    void strangersBlockedOnASharedSurnameDoNotCountAsMatches() {
        // Given 1,000 matches among 10^8 pairs, all sharing the surname and 900 the identifier, in blocks that also
        // hold 100,000 strangers who share a surname (what a surname block holds)
        double[] counts = {900, 100 + 100_000};

        // When the matches are estimated over all pairs
        double matches = BlockedPrior.matches(patterns, counts, m, u, 1.0, 1e8);

        // Then the estimate is near the 1,000 (the 100 without the identifier look like the strangers), not the
        // 101,000 that EM on the share of matches among the blocked pairs finds: read with u over all pairs, a shared
        // surname is 9.5 times likelier among matches, and in a block of one surname that makes everyone a match
        assertThat(matches).isBetween(800.0, 1_100.0);
    }

    @Test
    void aSampleOfTheBlockedPairsIsScaledBack() {
        double[] all = {900, 100 + 100_000};
        double[] tenth = {all[0] / 10, all[1] / 10};
        assertThat(BlockedPrior.matches(patterns, tenth, m, u, 0.1, 1e8))
                .isCloseTo(BlockedPrior.matches(patterns, all, m, u, 1.0, 1e8), within(1.0));
    }
}

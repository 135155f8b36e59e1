package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clusters from links: one weak link does not chain two people's records into one cluster. */
class ClusteringTest {

    static final double THRESHOLD = 0;

    /** Records 0-2 linked strongly to each other, and 3-5 likewise. */
    static KeptPairs twoClustersOfThree() {
        KeptPairs kept = new KeptPairs(0);
        for (int base : new int[] {0, 3}) {
            kept.add(base, base + 1, 20, Rule.PROBABILISTIC);
            kept.add(base + 1, base + 2, 20, Rule.PROBABILISTIC);
            kept.add(base, base + 2, 20, Rule.PROBABILISTIC);
        }
        return kept;
    }

    @Test
    void oneWeakLinkBetweenTwoClustersDoesNotJoinThem() {
        // Given two clusters of three and a single link between them just above the threshold
        KeptPairs kept = twoClustersOfThree();
        kept.add(2, 3, THRESHOLD + 1, Rule.PROBABILISTIC);

        // When they are clustered
        int[] ids = kept.cluster(6, THRESHOLD, new long[1]);

        // Then they stay two clusters (nine false pairs avoided for one doubtful one)
        assertThat(ids[0]).isEqualTo(ids[2]);
        assertThat(ids[3]).isEqualTo(ids[5]);
        assertThat(ids[0]).isNotEqualTo(ids[3]);
    }

    @Test
    void twoClustersJoinWhenHalfTheSmallerLinksIntoTheOtherOrOneLinkIsCertain() {
        // Given the same clusters with links from two of the three records of one into the other
        KeptPairs corroborated = twoClustersOfThree();
        corroborated.add(2, 3, THRESHOLD + 1, Rule.PROBABILISTIC);
        corroborated.add(1, 4, THRESHOLD + 1, Rule.PROBABILISTIC);
        // and the same clusters with one link far above the threshold
        KeptPairs certain = twoClustersOfThree();
        certain.add(2, 3, THRESHOLD + KeptPairs.CERTAIN, Rule.PROBABILISTIC);

        // Then each is one cluster
        int[] a = corroborated.cluster(6, THRESHOLD, new long[1]);
        int[] b = certain.cluster(6, THRESHOLD, new long[1]);
        assertThat(a[0]).isEqualTo(a[5]);
        assertThat(b[0]).isEqualTo(b[5]);
    }

    @Test
    void aRecordJoinsAPairOnOneLinkAndThreeOnLinksToTwoOfThem() {
        // Given a pair, a record linked to one of them, and a cluster of three with a record linked to one of them
        KeptPairs kept = new KeptPairs(0);
        kept.add(0, 1, 20, Rule.PROBABILISTIC);
        kept.add(1, 2, THRESHOLD + 1, Rule.PROBABILISTIC);
        KeptPairs three = twoClustersOfThree();
        three.add(5, 6, THRESHOLD + 1, Rule.PROBABILISTIC);
        // and the same cluster of three with a record linked to two of them
        KeptPairs twice = twoClustersOfThree();
        twice.add(5, 6, THRESHOLD + 1, Rule.PROBABILISTIC);
        twice.add(4, 6, THRESHOLD + 1, Rule.PROBABILISTIC);

        // When they are clustered
        int[] pair = kept.cluster(3, THRESHOLD, new long[1]);
        int[] one = three.cluster(7, THRESHOLD, new long[1]);
        int[] two = twice.cluster(7, THRESHOLD, new long[1]);

        // Then the record joins the pair (a chain of one person's records still links), not the three on one link,
        // and the three on two
        assertThat(pair[2]).isEqualTo(pair[0]);
        assertThat(one[6]).isNotEqualTo(one[3]);
        assertThat(two[6]).isEqualTo(two[3]);
    }

    @Test
    void relativesBelowTheReviewThresholdAreKeptToHoldTheirClustersApart() {
        // Given two siblings of one surname, another forename and date of birth, weighing below the review threshold
        StandardMatcher families = StandardMatcher.standard();
        PreparedRecord amy = families.prepare(org.earlyhelp.hub.matching.model.PersonRecord.builder("amy")
                .forename("Amy")
                .surname("Smith")
                .dateOfBirth(java.time.LocalDate.of(2010, 1, 1))
                .postcode("S41 7AB")
                .build());
        PreparedRecord ben = families.prepare(org.earlyhelp.hub.matching.model.PersonRecord.builder("ben")
                .forename("Ben")
                .surname("Smith")
                .dateOfBirth(java.time.LocalDate.of(2012, 6, 6))
                .postcode("S42 9XY")
                .build());
        assertThat(families.score(amy, ben).matchWeight())
                .isLessThan(families.settings().reviewThreshold());

        // When the batch linker scores them, where the load holds households and where it does not
        KeptPairs kept = new KeptPairs(families.comparisonCount());
        kept.score(families, amy, ben, 0, 1, families.settings().reviewThreshold());
        KeptPairs individuals = new KeptPairs(families.comparisonCount());
        individuals.score(
                families.withHouseholds(false),
                amy,
                ben,
                0,
                1,
                families.settings().reviewThreshold());

        // Then with households the pair is kept as relatives (a veto on joining their clusters), without it is dropped
        assertThat(kept.size).isEqualTo(1);
        assertThat(Rule.values()[kept.rule[0]]).isEqualTo(Rule.RELATIVES);
        assertThat(individuals.size).isZero();
    }
}

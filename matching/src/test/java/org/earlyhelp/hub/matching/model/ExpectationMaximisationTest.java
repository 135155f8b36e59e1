package org.earlyhelp.hub.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.matching.compare.ExactComparator;
import org.earlyhelp.hub.matching.compare.PostcodeComparator;
import org.earlyhelp.hub.matching.identifiers.NhsNumber;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {

    private static final ExactComparator NHS_NUMBERS = new ExactComparator(NhsNumber::parse);
    private static final ExactComparator EXACT = new ExactComparator();
    private static final PostcodeComparator POSTCODES = new PostcodeComparator();

    private static final List<Comparison> COMPARISONS = List.of(
            Comparison.of(
                    "nhsNumber",
                    ExactComparator.Level.class,
                    (a, b) -> NHS_NUMBERS.compare(a.nhsNumber(), b.nhsNumber())),
            Comparison.of(
                    "postcode",
                    PostcodeComparator.Level.class,
                    (a, b) -> POSTCODES.compare(a.postcode(), b.postcode())),
            Comparison.of("sex", ExactComparator.Level.class, (a, b) -> EXACT.compare(a.sex(), b.sex())));

    private static final double TRUE_LAMBDA = 0.1;
    private static final double[][] TRUE_M = {{0.9, 0.1, 0}, {0.7, 0.15, 0.1, 0.05, 0}, {0.95, 0.05, 0}};
    private static final double[][] TRUE_U = {{0.05, 0.95, 0}, {0.02, 0.08, 0.2, 0.7, 0}, {0.5, 0.5, 0}};
    /** Chance that a field is missing on either side, whether or not the pair matches. */
    private static final double MISSING = 0.05;

    private final ExpectationMaximisation em = new ExpectationMaximisation(COMPARISONS);

    @Test
    void recoversKnownParametersFromUnlabelledPairs() {
        // Given 2,000 pairs drawn from a known model
        List<ComparisonVector> pairs = sample(2_000, TRUE_LAMBDA, new Random(42));

        // When
        FellegiSunterModel model = em.estimate(pairs);

        // Then
        assertThat(model.lambda()).isCloseTo(TRUE_LAMBDA, within(0.03));
        assertCloseToTruth(model);
    }

    @Test
    void withUFixedFromRandomPairsRecoversMAndLambda() {
        // Given random pairs, which are almost all non-matches, and 2,000 pairs from blocking
        List<ComparisonVector> randomPairs = sample(2_000, 0.0005, new Random(7));
        List<ComparisonVector> pairs = sample(2_000, TRUE_LAMBDA, new Random(42));

        // When
        double[][] u = em.estimateU(randomPairs);
        FellegiSunterModel model = em.estimate(pairs, u);

        // Then u is what the random pairs showed, and m and lambda are recovered
        for (int k = 0; k < COMPARISONS.size(); k++) {
            for (int level = 0; level < COMPARISONS.get(k).levelCount(); level++) {
                assertThat(model.u(k, level)).isEqualTo(u[k][level]);
            }
        }
        assertThat(model.lambda()).isCloseTo(TRUE_LAMBDA, within(0.03));
        assertCloseToTruth(model);
    }

    @Test
    void sameInputGivesTheSameEstimates() {
        // Given
        List<ComparisonVector> pairs = sample(2_000, TRUE_LAMBDA, new Random(3));

        // When
        FellegiSunterModel first = em.estimate(pairs);
        FellegiSunterModel second = new ExpectationMaximisation(COMPARISONS).estimate(List.copyOf(pairs));

        // Then
        assertThat(second.lambda()).isEqualTo(first.lambda());
        for (int k = 0; k < COMPARISONS.size(); k++) {
            for (int level = 0; level < COMPARISONS.get(k).levelCount(); level++) {
                assertThat(second.m(k, level)).isEqualTo(first.m(k, level));
                assertThat(second.u(k, level)).isEqualTo(first.u(k, level));
            }
        }
    }

    @Test
    void aPairAgreeingOnEveryFieldScoresFarAboveOneAgreeingOnNone() {
        // Given a model estimated from synthetic pairs, and two pairs of real records
        FellegiSunterModel model = em.estimate(sample(2_000, TRUE_LAMBDA, new Random(42)));
        PersonRecord person = person("943 476 5919", "S41 7AB", "F");
        PersonRecord sameAgain = person("9434765919", "s417ab", "f");
        PersonRecord someoneElse = person("4010232137", "LS1 4AP", "M");

        // When
        double agreeing = model.matchWeight(ComparisonVector.compare(COMPARISONS, person, sameAgain));
        double disagreeing = model.matchWeight(ComparisonVector.compare(COMPARISONS, person, someoneElse));

        // Then
        assertThat(agreeing).isGreaterThan(disagreeing + 10);
        assertThat(model.matchProbability(ComparisonVector.compare(COMPARISONS, person, sameAgain)))
                .isGreaterThan(0.99);
        assertThat(model.matchProbability(ComparisonVector.compare(COMPARISONS, person, someoneElse)))
                .isLessThan(0.01);
    }

    private static void assertCloseToTruth(FellegiSunterModel model) {
        for (int k = 0; k < COMPARISONS.size(); k++) {
            for (int level = 0; level < COMPARISONS.get(k).levelCount(); level++) {
                if (COMPARISONS.get(k).isNullLevel(level)) {
                    continue;
                }
                assertThat(model.m(k, level))
                        .as("m of %s level %d", COMPARISONS.get(k).name(), level)
                        .isCloseTo(TRUE_M[k][level], within(0.05));
                assertThat(model.u(k, level))
                        .as("u of %s level %d", COMPARISONS.get(k).name(), level)
                        .isCloseTo(TRUE_U[k][level], within(0.05));
            }
        }
    }

    /** Draws match or non-match with probability lambda, then each field's level from the true m or u. */
    private static List<ComparisonVector> sample(int count, double lambda, Random random) {
        List<ComparisonVector> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[][] probabilities = random.nextDouble() < lambda ? TRUE_M : TRUE_U;
            int[] levels = new int[COMPARISONS.size()];
            for (int k = 0; k < levels.length; k++) {
                int nullLevel = COMPARISONS.get(k).levelCount() - 1;
                levels[k] = random.nextDouble() < MISSING ? nullLevel : draw(probabilities[k], random);
            }
            pairs.add(ComparisonVector.of(levels));
        }
        return pairs;
    }

    private static int draw(double[] probabilities, Random random) {
        double r = random.nextDouble();
        double cumulative = 0;
        for (int level = 0; level < probabilities.length - 1; level++) {
            cumulative += probabilities[level];
            if (r < cumulative) {
                return level;
            }
        }
        return probabilities.length - 2;
    }

    private static PersonRecord person(String nhsNumber, String postcode, String sex) {
        return PersonRecord.builder("id")
                .sex(sex)
                .postcode(postcode)
                .nhsNumber(nhsNumber)
                .build();
    }
}

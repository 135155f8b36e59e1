package org.earlyhelp.hub.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.earlyhelp.hub.matching.compare.ExactComparator;
import org.earlyhelp.hub.matching.compare.PostcodeComparator;
import org.junit.jupiter.api.Test;

class FellegiSunterModelTest {

    private static final ExactComparator EXACT = new ExactComparator();
    private static final PostcodeComparator POSTCODES = new PostcodeComparator();

    private static final List<Comparison> COMPARISONS = List.of(
            Comparison.of("sex", ExactComparator.Level.class, (a, b) -> EXACT.compare(a.sex(), b.sex())),
            Comparison.of(
                    "postcode",
                    PostcodeComparator.Level.class,
                    (a, b) -> POSTCODES.compare(a.postcode(), b.postcode())));

    /** lambda = 0.2, so the prior weight is log2(0.25) = -2; m and u chosen so each log2(m/u) is a whole number. */
    private static final FellegiSunterModel MODEL = new FellegiSunterModel(
            COMPARISONS,
            new double[][] {{0.5, 0.5, 0}, {0.5, 0.25, 0.125, 0.125, 0}},
            new double[][] {{0.25, 1.0, 0}, {0.0625, 0.0625, 0.25, 0.5, 0.3}},
            0.2);

    @Test
    void matchWeightIsThePriorPlusTheLog2RatioOfEachLevel() {
        // Given sex EXACT (log2 2 = 1) and postcode SECTOR (log2 4 = 2)
        ComparisonVector vector = ComparisonVector.of(0, 1);

        // When
        double weight = MODEL.matchWeight(vector);

        // Then
        assertThat(weight).isCloseTo(-2 + 1 + 2, within(1e-12));
        assertThat(MODEL.matchProbability(vector)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void explanationNamesEachComparisonAndItsContributionsAddUpToTheMatchWeight() {
        // Given sex OTHER (log2 0.5 = -1) and postcode EXACT (log2 8 = 3)
        ComparisonVector vector = ComparisonVector.of(1, 0);

        // When
        Explanation explanation = MODEL.explain(vector);

        // Then
        assertThat(explanation.priorWeight()).isCloseTo(-2, within(1e-12));
        assertThat(explanation.contributions())
                .extracting(Explanation.Contribution::comparison, Explanation.Contribution::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sex", ExactComparator.Level.OTHER),
                        org.assertj.core.groups.Tuple.tuple("postcode", PostcodeComparator.Level.EXACT));
        assertThat(explanation.contributions().get(0).weight()).isCloseTo(-1, within(1e-12));
        assertThat(explanation.contributions().get(1).weight()).isCloseTo(3, within(1e-12));
        assertThat(explanation.matchWeight()).isCloseTo(MODEL.matchWeight(vector), within(1e-12));
        assertThat(explanation.matchProbability()).isCloseTo(MODEL.matchProbability(vector), within(1e-12));
    }

    @Test
    void missingValuesContributeNothingEvenWhenTheirProbabilitiesAreSet() {
        // Given sex missing and postcode missing (whose u is deliberately non-zero)
        ComparisonVector vector = ComparisonVector.of(2, 4);

        // When
        Explanation explanation = MODEL.explain(vector);

        // Then only the prior is left
        assertThat(explanation.contributions())
                .allSatisfy(c -> assertThat(c.weight()).isZero());
        assertThat(MODEL.matchWeight(vector)).isCloseTo(-2, within(1e-12));
    }

    @Test
    void zeroProbabilitiesAreFlooredSoWeightsStayFinite() {
        // Given a model whose m is 0 on a level that is not null
        FellegiSunterModel model = new FellegiSunterModel(
                COMPARISONS,
                new double[][] {{1, 0, 0}, {1, 0, 0, 0, 0}},
                new double[][] {{0.5, 0.5, 0}, {0.25, 0.25, 0.25, 0.25, 0}},
                0.5);

        // When
        double weight = model.matchWeight(ComparisonVector.of(1, 3));

        // Then
        assertThat(weight).isFinite().isNegative();
    }

    @Test
    void comparisonVectorGradesARealPairOnEveryComparison() {
        // Given
        PersonRecord a = person("F", "S41 7AB");
        PersonRecord b = person("f", "S41 7XY");

        // When
        ComparisonVector vector = ComparisonVector.compare(COMPARISONS, a, b);

        // Then
        assertThat(vector).isEqualTo(ComparisonVector.of(0, 1));
        assertThat(MODEL.explain(vector).contributions())
                .extracting(Explanation.Contribution::level)
                .containsExactly(ExactComparator.Level.EXACT, PostcodeComparator.Level.SECTOR);
    }

    private static PersonRecord person(String sex, String postcode) {
        return PersonRecord.builder("id").sex(sex).postcode(postcode).build();
    }
}

package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one rule that gives link, the index loads and the person index their prior and thresholds (issue 10, point 7). */
class LinkRuleTest {

    final MatchSettings shipped = MatchSettings.standard();

    @Test
    void theShippedSettingsCarryTheRulesThresholdsAndTheSizeTheirPriorWasEstimatedOn() {
        assertThat(shipped.priorRecords()).isNotNull().isGreaterThan(1000L);
        assertThat(LinkRule.apply(shipped, shipped.priorRecords(), true)).isEqualTo(shipped);
        assertThat(shipped.linkThreshold()).isEqualTo(MatchSettings.weightOf(0.99));
    }

    @Test
    void aLoadTenTimesLargerHasATenthOfThePriorAndTheSameModelVersion() {
        long size = shipped.priorRecords();

        MatchSettings larger = LinkRule.apply(shipped, 10 * size, true);

        assertThat(larger.lambda() * (10 * size - 1)).isCloseTo(shipped.lambda() * (size - 1), within(1e-12));
        assertThat(larger.priorRecords()).isEqualTo(10 * size);
        assertThat(larger.version()).isEqualTo(shipped.version());
        // read again for a still larger load, from the larger one: the same as from the shipped settings
        assertThat(LinkRule.apply(larger, 20 * size, true).lambda())
                .isCloseTo(LinkRule.apply(shipped, 20 * size, true).lambda(), within(1e-15));
    }

    @Test
    void aSmallerLoadIsNotGivenAHigherPriorThanWasMeasured() {
        MatchSettings small = LinkRule.apply(shipped, 100, true);

        assertThat(small.lambda()).isEqualTo(shipped.lambda());
    }

    @Test
    void householdsLinkAtProbability099AndOtherLoadsAtTheBayesDecision() {
        assertThat(MatchSettings.probabilityOf(
                        LinkRule.apply(shipped, 1000, true).linkThreshold()))
                .isCloseTo(0.99, within(1e-9));
        MatchSettings individuals = LinkRule.apply(shipped, 1000, false);
        assertThat(individuals.linkThreshold()).isEqualTo(0.0);
        assertThat(individuals.reviewThreshold()).isEqualTo(0.0);
    }

    @Test
    void otherParametersGiveAnotherVersion() {
        assertThat(shipped.withThresholds(13, 2).version()).isNotEqualTo(shipped.version());
        assertThat(shipped.withPriorRecords(shipped.priorRecords() * 2).version())
                .isNotEqualTo(shipped.version());
    }

    @Test
    void settingsWrittenBeforeThePriorsSizeWasKeptStillLoadAndAreNotRescaled() throws IOException {
        String json = shipped.toJson().replaceFirst("\"priorRecords\" : [0-9]+,", "");
        assertThat(json).doesNotContain("\"priorRecords\"");

        MatchSettings older = MatchSettings.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(older.priorRecords()).isNull();
        assertThat(older.forRecords(1_000_000).lambda()).isEqualTo(shipped.lambda());
    }

    @Test
    void aPriorSizeBelowTwoIsRefused() {
        assertThatThrownBy(() -> shipped.withPriorRecords(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priorRecords");
    }
}

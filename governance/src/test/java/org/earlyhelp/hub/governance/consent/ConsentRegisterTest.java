package org.earlyhelp.hub.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consent register on a real PostgreSQL, with a lineage the test controls in place of the person index. */
class ConsentRegisterTest {

    static final String HEALTH_FV = "health-to-casesystem-family-view";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static TestDatabase postgres;
    static DataSource dataSource;

    /** person -> lineage; a person absent is only themself. */
    final Map<UUID, Map<UUID, Optional<Instant>>> lineages = new LinkedHashMap<>();

    final ConsentRegister register =
            new ConsentRegister(dataSource, id -> lineages.getOrDefault(id, Map.of(id, Optional.empty())));

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static ConsentEvent event(UUID person, boolean given, LocalDate expires, Instant at) {
        return new ConsentEvent(
                UUID.randomUUID(),
                person,
                "health/rec#c",
                List.of(HEALTH_FV),
                given,
                ConsentBasis.PARENTAL_RESPONSIBILITY,
                "HV-FORM-1",
                expires,
                "health:RFS",
                "hv-17",
                "health-visitor",
                at);
    }

    @Test
    void aWithdrawalGovernsEveryLaterDecision() {
        // Given consent given, then withdrawn
        UUID person = UUID.randomUUID();
        register.record(event(person, true, TODAY.plusYears(1), T0));
        assertThat(register.given(person, HEALTH_FV, TODAY)).isTrue();
        register.record(event(person, false, null, T0.plusSeconds(60)));

        // Then no later decision finds consent, for this person only
        assertThat(register.given(person, HEALTH_FV, TODAY)).isFalse();
        assertThat(register.given(UUID.randomUUID(), HEALTH_FV, TODAY)).isFalse();
        assertThat(register.given(person, "another-agreement", TODAY)).isFalse();
    }

    @Test
    void anExpiredConsentIsNone() {
        UUID person = UUID.randomUUID();
        register.record(event(person, true, TODAY.minusDays(1), T0));

        assertThat(register.given(person, HEALTH_FV, TODAY)).isFalse();
        assertThat(register.given(person, HEALTH_FV, TODAY.minusDays(1))).isTrue();
    }

    @Test
    void consentFollowsAMergeButASplitLeavesItWithNeitherHalfUntilReconfirmed() {
        // Given consent recorded for a person who is then merged into another
        UUID merged = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        register.record(event(merged, true, TODAY.plusYears(1), T0));
        lineages.put(kept, Map.of(kept, Optional.empty(), merged, Optional.empty()));

        // Then the person kept has it
        assertThat(register.given(kept, HEALTH_FV, TODAY)).isTrue();

        // When the kept person is split after the consent (the merged-away one is on its way through the split)
        Instant split = T0.plusSeconds(3600);
        UUID other = UUID.randomUUID();
        lineages.put(kept, Map.of(kept, Optional.of(split), merged, Optional.of(split)));
        lineages.put(other, Map.of(other, Optional.empty()));

        // Then neither half has it
        assertThat(register.given(kept, HEALTH_FV, TODAY)).isFalse();
        assertThat(register.given(other, HEALTH_FV, TODAY)).isFalse();

        // until someone re-confirms it for one of them
        register.record(event(kept, true, TODAY.plusYears(1), split.plusSeconds(60)));
        assertThat(register.given(kept, HEALTH_FV, TODAY)).isTrue();
        assertThat(register.given(other, HEALTH_FV, TODAY)).isFalse();
    }

    @Test
    void recordingTheSameEventTwiceStoresItOnce() {
        UUID person = UUID.randomUUID();
        ConsentEvent e = event(person, true, TODAY.plusYears(1), T0);
        register.record(e);
        register.record(e);

        assertThat(register.inForce(person, HEALTH_FV)).contains(e);
    }
}

package org.earlyhelp.hub.governance.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

class AccessReviewTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final AccessReview.Thresholds THRESHOLDS =
            new AccessReview.Thresholds(Duration.ofMinutes(10), 3, Duration.ofMinutes(5));

    static long seq;

    static LedgerEntry pull(Instant at, Map<String, String> details) {
        return new LedgerEntry(
                ++seq,
                UUID.randomUUID(),
                "k" + seq,
                at,
                null,
                null,
                "subject",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                EntryType.PULL,
                details.get("requester"),
                details,
                "prev",
                "hash");
    }

    static Map<String, String> answered(String requester, String corroborated, Instant firstRecordAt) {
        return Map.of(
                "requester",
                requester,
                "outcome",
                "answered",
                "corroborated",
                corroborated,
                "requesterFirstRecordAt",
                firstRecordAt.toString());
    }

    @Test
    void aPullSoonAfterTheRequestersFirstRecordIsFlaggedAndALaterOneIsNot() {
        List<LedgerEntry> pulls = List.of(
                pull(T0.plusSeconds(30), answered("schools:654321", "uncorroborated", T0)),
                pull(T0.plus(Duration.ofHours(2)), answered("casesystem:north", "not-applicable", T0)));

        AccessReview.Report r = AccessReview.of(T0, pulls, List.of(), THRESHOLDS);

        assertThat(r.soonAfterFirstRecord())
                .extracting(AccessReview.PullAlert::requester)
                .containsExactly("schools:654321");
        assertThat(r.uncorroborated())
                .extracting(AccessReview.PullAlert::requester)
                .containsExactly("schools:654321");
        assertThat(r.bursts()).isEmpty();
    }

    @Test
    void moreThanTheThresholdOfPullsByOneOrganisationInsideTheWindowIsOneBurst() {
        List<LedgerEntry> pulls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pulls.add(pull(T0.plus(Duration.ofMinutes(20 + i)), answered("schools:1", "corroborated", T0)));
        }
        pulls.add(pull(T0.plus(Duration.ofMinutes(21)), answered("schools:2", "corroborated", T0)));

        AccessReview.Report r = AccessReview.of(T0, pulls, List.of(), THRESHOLDS);

        assertThat(r.bursts()).singleElement().satisfies(b -> {
            assertThat(b.requester()).isEqualTo("schools:1");
            assertThat(b.pulls()).isEqualTo(5);
        });
    }

    @Test
    void pullsRefusedForWantOfARelationshipAreListed() {
        List<LedgerEntry> pulls =
                List.of(pull(T0, Map.of("requester", "casesystem:north", "outcome", "refused", "reason", "x")));

        assertThat(AccessReview.of(T0, pulls, List.of(), THRESHOLDS).refused()).hasSize(1);
    }
}

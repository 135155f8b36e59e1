package org.earlyhelp.hub.analytics.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.analytics.criteria.CriteriaLoaderTest;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.junit.jupiter.api.Test;

class NeedsIdentifierTest {

    static final NeedCriteria CRITERIA = NeedCriteria.shipped(CriteriaLoaderTest.VOCABULARY);
    static final LocalDate AS_AT = LocalDate.of(2026, 11, 30);

    final NeedsIdentifier identifier = new NeedsIdentifier(CRITERIA);
    final List<Observation> seen = new ArrayList<>();
    int n;

    @Test
    void attendanceUnderNinetyPercentIsAnActiveEducationNeedWithItsEvidence() {
        attendance(LocalDate.of(2026, 7, 20), 84.0, true);
        attendance(LocalDate.of(2026, 7, 20), 80.0, false); // the record is about a sibling, not this child

        PersonNeeds needs = identifier.person("p1", "f1", seen, AS_AT);

        assertThat(needs.active()).containsExactly("good-education");
        NeedStatus status = needs.needs().get(0);
        assertThat(status.status()).isEqualTo(NeedStatus.Status.ACTIVE);
        assertThat(status.evidence()).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo("r1");
            assertThat(e.provider()).isEqualTo("schools");
            assertThat(e.indicator()).isEqualTo("persistent-absence");
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 7, 20));
        });
    }

    @Test
    void evidenceOlderThanItsWindowOrAfterTheDateDoesNotCount() {
        attendance(LocalDate.of(2025, 10, 1), 70.0, true);
        attendance(LocalDate.of(2026, 12, 15), 70.0, true);

        assertThat(identifier.person("p1", "f1", seen, AS_AT).needs()).isEmpty();
        assertThat(identifier
                        .person("p1", "f1", seen, LocalDate.of(2026, 12, 31))
                        .active())
                .containsExactly("good-education");
    }

    @Test
    void aResolvedNeedIsSustainedSixMonthsAfterTheCaseClosesAndNewEvidenceRestartsTheClock() {
        attendance(LocalDate.of(2025, 12, 19), 82.0, true);
        attendance(LocalDate.of(2026, 4, 1), 96.0, true);
        caseClosed(LocalDate.of(2026, 5, 1));

        NeedStatus resolved = identifier
                .person("p1", "f1", seen, LocalDate.of(2026, 10, 31))
                .needs()
                .get(0);
        assertThat(resolved.status()).isEqualTo(NeedStatus.Status.RESOLVED);
        assertThat(resolved.resolvedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(resolved.clockFrom()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(resolved.sustainedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(resolved.evidence()).extracting(Evidence::kind).containsExactly("need", "resolved", "case-closure");

        assertThat(identifier.person("p1", "f1", seen, AS_AT).needs().get(0).status())
                .isEqualTo(NeedStatus.Status.SUSTAINED);

        attendance(LocalDate.of(2026, 10, 20), 85.0, true);
        assertThat(identifier.person("p1", "f1", seen, AS_AT).needs().get(0).status())
                .isEqualTo(NeedStatus.Status.ACTIVE);
    }

    @Test
    void aResolutionWithNoCaseClosedSinceHasNoClock() {
        attendance(LocalDate.of(2026, 1, 10), 82.0, true);
        caseClosed(LocalDate.of(2025, 12, 1));
        attendance(LocalDate.of(2026, 4, 1), 96.0, true);

        NeedStatus status = identifier.person("p1", "f1", seen, AS_AT).needs().get(0);
        assertThat(status.status()).isEqualTo(NeedStatus.Status.RESOLVED);
        assertThat(status.clockFrom()).isNull();
    }

    @Test
    void aFamilyIsListedAtThreeOutcomesAndAMemberWithoutANeedIsNotInIt() {
        PersonNeeds child = new PersonNeeds("c", "f", List.of(active("good-education"), active("secure-housing")));
        PersonNeeds mother = new PersonNeeds("m", "f", List.of(active("safe-from-domestic-abuse")));
        PersonNeeds father = new PersonNeeds("d", "f", List.of());

        FamilyNeeds family = identifier.family("f", 3, List.of(child, mother, father));

        assertThat(family.listed()).isTrue();
        assertThat(family.members()).isEqualTo(3);
        assertThat(family.people()).extracting(PersonNeeds::personId).containsExactly("c", "m");
        assertThat(family.activeBy()).containsEntry("safe-from-domestic-abuse", java.util.Set.of("m"));
        assertThat(identifier.family("f", 3, List.of(child, father)).listed()).isFalse();
    }

    private static NeedStatus active(String outcome) {
        return new NeedStatus(outcome, NeedStatus.Status.ACTIVE, AS_AT, AS_AT, null, null, null, List.of());
    }

    private void attendance(LocalDate received, double percent, boolean aboutThisChild) {
        seen.add(new Observation(
                "p1",
                "c",
                "child",
                "r" + (++n),
                "schools",
                "school-attendance",
                received.atStartOfDay().toInstant(ZoneOffset.UTC),
                Map.of("attendance.attendance-percent", percent, "attendance.pupil", aboutThisChild)));
    }

    private void caseClosed(LocalDate on) {
        seen.add(new Observation(
                "p1",
                "c",
                "child",
                "r" + (++n),
                "casesystem",
                "case-involvement",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n),
                Map.of("case.status", "closed", "case.case-type", "early-help", "case.closed-on", on)));
    }
}

package org.earlyhelp.hub.connector.schools.encompass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the designated safeguarding lead must have acknowledged: 08:30 school time on the next school day. */
class SchoolDayTest {

    @Test
    void anEveningNotificationIsDueAtTheStartOfTheNextSchoolDay() {
        // Tuesday 1 December 2026, 19:40 (GMT) -> Wednesday 08:30
        assertThat(SchoolDay.dueBy(Instant.parse("2026-12-01T19:40:00Z"))).isEqualTo("2026-12-02T08:30:00Z");
    }

    @Test
    void anEarlyMorningNotificationIsDueThatMorning() {
        assertThat(SchoolDay.dueBy(Instant.parse("2026-12-02T06:10:00Z"))).isEqualTo("2026-12-02T08:30:00Z");
    }

    @Test
    void aFridayEveningNotificationIsDueOnMonday() {
        assertThat(SchoolDay.dueBy(Instant.parse("2026-12-04T17:00:00Z"))).isEqualTo("2026-12-07T08:30:00Z");
    }

    @Test
    void inSummerTimeTheDueTimeIsHalfPastEightInLondon() {
        // Wednesday 10 June 2026, 22:00 BST -> Thursday 08:30 BST = 07:30 UTC
        assertThat(SchoolDay.dueBy(Instant.parse("2026-06-10T21:00:00Z"))).isEqualTo("2026-06-11T07:30:00Z");
    }
}

package org.earlyhelp.hub.governance.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineCalendarTest {

    final DeadlineCalendar calendar = DeadlineCalendar.shipped();

    @Test
    void anEveningIncidentIsDueAtTheStartOfTheNextSchoolDay() {
        // Tuesday 21:40 (GMT) -> Wednesday 08:30
        assertThat(calendar.dueBy(Instant.parse("2026-11-24T21:40:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        // before 08:30 on a school day -> that morning
        assertThat(calendar.dueBy(Instant.parse("2026-11-25T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
    }

    @Test
    void weekendsBankHolidaysAndSchoolHolidaysAreSkipped() {
        // Friday evening -> Monday
        assertThat(calendar.dueBy(Instant.parse("2026-11-27T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
        // the Friday before the Christmas holiday -> the first day of spring term, after the New Year bank holiday
        assertThat(calendar.dueBy(Instant.parse("2026-12-18T20:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-04T08:30:00Z"));
        // the day before the late May bank holiday and half term (BST: 08:30 is 07:30 UTC)
        assertThat(calendar.dueBy(Instant.parse("2027-05-28T20:00:00Z")))
                .isEqualTo(Instant.parse("2027-06-07T07:30:00Z"));
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 8, 31))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 9, 3))).isTrue();
    }

    @Test
    void aCalendarFileThatDoesNotReadIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> DeadlineCalendar.parse(
                        "zone: Europe/London\nschool-day-starts: '08:30'\ncovers: {from: 2026-09-01, to: 2026-08-01}\n"
                                .getBytes(StandardCharsets.UTF_8),
                        "area.yaml"))
                .hasMessage("area.yaml: covers ends before it starts");
        assertThatThrownBy(() -> DeadlineCalendar.parse(
                        ("zone: Europe/London\nschool-day-starts: '08:30'\ncovers: {from: 2026-09-01, to: 2027-08-01}\n"
                                        + "school-holidays: [{name: Half term, from: 2026-10-26, to: 2026-10-3}]\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "area.yaml"))
                .hasMessageStartingWith("area.yaml: a date, time or zone does not read");
        assertThatThrownBy(
                        () -> DeadlineCalendar.parse("zone: Mars/Olympus\n".getBytes(StandardCharsets.UTF_8), "a.yaml"))
                .hasMessageStartingWith("a.yaml");
    }
}

package org.earlyhelp.hub.connector.schools.encompass;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a notification must have been acknowledged: 08:30 (school time, Europe/London) on the first school day that
 * starts after it was delivered, so a notification delivered in the evening is due at the start of the next school
 * day, and one delivered on Friday evening at 08:30 on Monday. School days are Monday to Friday: the hub knows no term
 * or bank holiday calendar, so a notification due on a holiday is escalated then (documented as a known gap).
 */
public final class SchoolDay {

    public static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    public static final LocalTime START = LocalTime.of(8, 30);

    private SchoolDay() {}

    /** The first 08:30 of a school day strictly after {@code deliveredAt}. */
    public static Instant dueBy(Instant deliveredAt) {
        ZonedDateTime at = deliveredAt.atZone(SCHOOL_TIME);
        LocalDate day = at.toLocalDate();
        if (!at.toLocalTime().isBefore(START)) {
            day = day.plusDays(1);
        }
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(START).atZone(SCHOOL_TIME).toInstant();
    }
}

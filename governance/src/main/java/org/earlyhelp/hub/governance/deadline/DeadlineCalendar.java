package org.earlyhelp.hub.governance.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The school calendar, as data ({@code school-calendar.yaml}): when school days start, the bank holidays and the
 * area's school holidays. A school day is a Monday to Friday that is neither. Operation Encompass notifications are due
 * before the start of the next school day: {@link #dueBy}. Immutable; a council's file replaces the shipped one whole.
 */
public final class DeadlineCalendar {

    /** A named school holiday, both ends included. */
    public record Holiday(String name, LocalDate from, LocalDate to) {}

    private final ZoneId zone;
    private final LocalTime start;
    private final LocalDate coversFrom;
    private final LocalDate coversTo;
    private final Set<LocalDate> bankHolidays;
    private final List<Holiday> holidays;

    DeadlineCalendar(
            ZoneId zone,
            LocalTime start,
            LocalDate coversFrom,
            LocalDate coversTo,
            Set<LocalDate> bankHolidays,
            List<Holiday> holidays) {
        this.zone = Objects.requireNonNull(zone);
        this.start = Objects.requireNonNull(start);
        this.coversFrom = Objects.requireNonNull(coversFrom);
        this.coversTo = Objects.requireNonNull(coversTo);
        this.bankHolidays = Set.copyOf(bankHolidays);
        this.holidays = List.copyOf(holidays);
    }

    private static final DeadlineCalendar SHIPPED;

    static {
        try (InputStream in = DeadlineCalendar.class.getResourceAsStream("school-calendar.yaml")) {
            SHIPPED = parse(in.readAllBytes(), "school-calendar.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar shipped with the hub: England and Wales bank holidays and an example area's term dates. */
    public static DeadlineCalendar shipped() {
        return SHIPPED;
    }

    /**
     * A council's calendar file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong, for a file that does not read
     */
    public static DeadlineCalendar load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static DeadlineCalendar parse(byte[] yaml, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    name + ": not YAML (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    name + ": expected zone, school-day-starts, covers, bank-holidays and" + " school-holidays");
        }
        try {
            ZoneId zone = ZoneId.of(text(root, "zone", name));
            LocalTime start = LocalTime.parse(text(root, "school-day-starts", name));
            JsonNode covers = root.path("covers");
            LocalDate from = LocalDate.parse(text(covers, "from", name + " covers"));
            LocalDate to = LocalDate.parse(text(covers, "to", name + " covers"));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(name + ": covers ends before it starts");
            }
            Set<LocalDate> bank = new HashSet<>();
            for (JsonNode d : root.path("bank-holidays")) {
                bank.add(LocalDate.parse(d.asText()));
            }
            List<Holiday> holidays = new ArrayList<>();
            for (JsonNode h : root.path("school-holidays")) {
                Holiday holiday = new Holiday(
                        text(h, "name", name + " school-holidays"),
                        LocalDate.parse(text(h, "from", name + " school-holidays")),
                        LocalDate.parse(text(h, "to", name + " school-holidays")));
                if (holiday.to().isBefore(holiday.from())) {
                    throw new IllegalArgumentException(name + ": " + holiday.name() + " ends before it starts");
                }
                holidays.add(holiday);
            }
            return new DeadlineCalendar(zone, start, from, to, bank, holidays);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": a date, time or zone does not read: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " is required");
        }
        return v.asText();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime schoolDayStarts() {
        return start;
    }

    /** The last day the calendar holds term dates for. */
    public LocalDate coversTo() {
        return coversTo;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(coversFrom) && !day.isAfter(coversTo);
    }

    /** Monday to Friday, not a bank holiday and not in a school holiday. */
    public boolean isSchoolDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (bankHolidays.contains(day)) {
            return false;
        }
        for (Holiday h : holidays) {
            if (!day.isBefore(h.from()) && !day.isAfter(h.to())) {
                return false;
            }
        }
        return true;
    }

    /** The start of the first school day strictly after {@code at}: when a notification received then is due. */
    public Instant dueBy(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(start)) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < 400 && !isSchoolDay(day); i++) {
            day = day.plusDays(1);
        }
        return day.atTime(start).atZone(zone).toInstant();
    }
}

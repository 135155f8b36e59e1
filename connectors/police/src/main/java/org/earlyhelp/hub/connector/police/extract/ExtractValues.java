package org.earlyhelp.hub.connector.police.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one cell as what its column holds, forgivingly where force systems differ (dates as {@code 2016-04-03} or
 * {@code 03/04/2016}, times with an offset or as UK local time, sex as {@code F} or {@code Female}, NHS numbers with
 * spaces), strictly otherwise. A cell that cannot be read throws {@link CellProblem}, whose reason never quotes it.
 */
final class ExtractValues {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd[' ']['T']HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT));
    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("F", "FEMALE"),
            Map.entry("FEMALE", "FEMALE"),
            Map.entry("2", "FEMALE"),
            Map.entry("M", "MALE"),
            Map.entry("MALE", "MALE"),
            Map.entry("1", "MALE"),
            Map.entry("O", "OTHER"),
            Map.entry("OTHER", "OTHER"),
            Map.entry("U", "UNKNOWN"),
            Map.entry("UNKNOWN", "UNKNOWN"),
            Map.entry("0", "UNKNOWN"),
            Map.entry("9", "UNKNOWN"));

    private ExtractValues() {}

    /** A cell that cannot be read: the column and why, never the value. */
    static final class CellProblem extends RuntimeException {
        CellProblem(String column, String reason) {
            super(column + ": " + reason, null, false, false);
        }
    }

    static LocalDate date(String column, String cell) {
        if (cell == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(cell, f);
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        throw new CellProblem(column, "is not a real date (yyyy-MM-dd or dd/MM/yyyy)");
    }

    /** An instant with its offset, or a UK local time (as force systems export it), resolved in Europe/London. */
    static OffsetDateTime time(String column, String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(cell);
        } catch (DateTimeParseException e) {
            // a local time, then
        }
        for (DateTimeFormatter f : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(cell, f).atZone(UK).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        throw new CellProblem(
                column, "is not a real date and time (2026-11-22T21:40:00Z, or UK time as 2026-11-22 21:40)");
    }

    static String sex(String cell) {
        if (cell == null) {
            return null;
        }
        String sex = SEXES.get(cell.toUpperCase(Locale.ROOT));
        if (sex == null) {
            throw new CellProblem(ExtractColumns.SEX, "must be F, M, O or U (or FEMALE, MALE, OTHER, UNKNOWN)");
        }
        return sex;
    }

    /** An enumerated cell in upper case with underscores: {@code return interview offered} reads as the symbol. */
    static String symbol(String cell) {
        return cell == null ? null : cell.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** The record type in its registered kebab form. */
    static String type(String cell) {
        return cell == null ? null : cell.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    /** An NHS number as ten digits: spaces and hyphens, as printed, are dropped. */
    static String nhsNumber(String cell) {
        return cell == null ? null : cell.replaceAll("[\\s-]", "");
    }
}

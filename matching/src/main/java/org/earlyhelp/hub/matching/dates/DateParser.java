package org.earlyhelp.hub.matching.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date formats that real partner extracts use: {@code 1989-03-03}, {@code 19890303}, {@code 03/03/1989},
 * {@code 03/03/89}, {@code 3 March 1989} and {@code 3 Mar 1989}, in any case and with stray spaces, and with a time of
 * day after them (as spreadsheets and databases export a date), which is ignored.
 *
 * <p>Numeric dates are read day first (UK order); {@code -} and {@code .} are accepted in place of {@code /}. A
 * two-digit year is placed in the latest century that does not put the date after {@code today}, which is right for
 * dates of birth. Anything else, including impossible dates such as {@code 2016-02-30}, gives an empty result.
 *
 * <p>A lone four-digit year ({@code 1985}: a police record's "age given", a form that asked for the year only) is not
 * a date; {@link #parseYear} reads it as a partial date, the year alone, so matching can still use it.
 */
public final class DateParser {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern BASIC = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
    private static final Pattern MONTH_NAME =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[ -]?([a-z]{3,9})\\.?[ ,-]?(\\d{2}|\\d{4})");
    private static final Pattern SPACES_AROUND_SEPARATOR = Pattern.compile(" ?([/.,-]) ?");
    /** A time after the date, as spreadsheets and databases export it ({@code 1989-03-03 00:00:00}, {@code T00:00Z}). */
    private static final Pattern TRAILING_TIME =
            Pattern.compile("[ t]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?(am|pm))?(z|[+-]\\d{2}:?\\d{2})?$");

    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
    /** The earliest year read as a year of birth: a lone number before it is not a year (a house number, a code). */
    static final int EARLIEST_YEAR = 1880;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, Month> MONTHS = monthNames();

    private DateParser() {}

    public static Optional<LocalDate> parse(String raw, LocalDate today) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = WHITESPACE.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        text = TRAILING_TIME.matcher(text).replaceFirst("");
        text = SPACES_AROUND_SEPARATOR.matcher(text).replaceAll("$1");

        Matcher m;
        if ((m = ISO.matcher(text)).matches() || (m = BASIC.matcher(text)).matches()) {
            return date(number(m, 1), number(m, 2), number(m, 3));
        }
        if ((m = DAY_FIRST.matcher(text)).matches()) {
            return withYear(m.group(3), number(m, 2), number(m, 1), today);
        }
        if ((m = MONTH_NAME.matcher(text)).matches() && MONTHS.containsKey(m.group(2))) {
            return withYear(m.group(3), MONTHS.get(m.group(2)).getValue(), number(m, 1), today);
        }
        return Optional.empty();
    }

    /**
     * The year of a date of birth given as the year alone ({@code 1985}, with stray spaces or a time after it as
     * {@link #parse} allows), from {@value #EARLIEST_YEAR} to {@code today}'s year; empty for anything else, full dates
     * included (read those with {@link #parse}).
     */
    public static OptionalInt parseYear(String raw, LocalDate today) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        String text = WHITESPACE.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        text = TRAILING_TIME.matcher(text).replaceFirst("");
        if (!YEAR_ONLY.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(text);
        return year >= EARLIEST_YEAR && year <= today.getYear() ? OptionalInt.of(year) : OptionalInt.empty();
    }

    private static Optional<LocalDate> withYear(String year, int month, int day, LocalDate today) {
        if (year.length() == 4) {
            return date(Integer.parseInt(year), month, day);
        }
        int candidate = today.getYear() - today.getYear() % 100 + Integer.parseInt(year);
        Optional<LocalDate> date = date(candidate, month, day);
        if (date.isPresent() && !date.get().isAfter(today)) {
            return date;
        }
        return date(candidate - 100, month, day);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Map<String, Month> monthNames() {
        Map<String, Month> names = new HashMap<>();
        for (Month month : Month.values()) {
            String full = month.name().toLowerCase(Locale.ROOT);
            names.put(full, month);
            names.put(full.substring(0, 3), month);
        }
        names.put("sept", Month.SEPTEMBER);
        return names;
    }
}

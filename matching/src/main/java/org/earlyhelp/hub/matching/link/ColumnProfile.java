package org.earlyhelp.hub.matching.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.earlyhelp.hub.matching.dates.DateParser;
import org.earlyhelp.hub.matching.identifiers.Postcode;
import org.earlyhelp.hub.matching.identifiers.Sex;
import org.earlyhelp.hub.matching.names.NameNormaliser;

/**
 * What the mapped columns hold, so a user sees at once why a run is poor: per field, how complete it is, how many
 * distinct values, how many spellings were read as how many values ("sex: 7 spellings read as 2 values"), how many date
 * formats and unreadable dates, how many postcodes are valid. The {@link #summary() summary} names no value; only the
 * {@link #details() details} (asked for with {@code --profile}, on the user's own terminal) show the commonest values,
 * and for dates only their shapes ({@code 99/99/9999}).
 */
public final class ColumnProfile {

    /** Distinct values tracked per field; beyond it counts are "at least". */
    static final int TRACKED = 200_000;

    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final Map<Field, Stats> stats = new EnumMap<>(Field.class);
    private final LocalDate today;

    public ColumnProfile(LocalDate today) {
        this.today = today;
    }

    private static final class Stats {
        long rows;
        long filled;
        long unreadable;
        final Map<String, Integer> raw = new HashMap<>();
        final Map<String, Integer> normalised = new HashMap<>();
        final Map<String, Integer> shapes = new HashMap<>();
        boolean capped;
    }

    /** One cell of a mapped field (null or empty when blank). */
    public synchronized void observe(Field field, String rawValue) {
        Stats s = stats.computeIfAbsent(field, f -> new Stats());
        s.rows++;
        if (rawValue == null || rawValue.isBlank()) {
            return;
        }
        s.filled++;
        String raw = rawValue.strip();
        count(s, s.raw, raw);
        String normal = normalise(field, raw);
        if (normal == null) {
            s.unreadable++;
        } else {
            count(s, s.normalised, normal);
        }
        if (field == Field.DOB) {
            String shape = LETTER.matcher(DIGIT.matcher(raw).replaceAll("9")).replaceAll("a");
            count(s, s.shapes, shape);
        }
    }

    private static void count(Stats s, Map<String, Integer> map, String key) {
        if (map.size() < TRACKED || map.containsKey(key)) {
            map.merge(key, 1, Integer::sum);
        } else {
            s.capped = true;
        }
    }

    /** The value as the matcher reads it, or null when it cannot be read. */
    private String normalise(Field field, String raw) {
        return switch (field) {
            case SEX -> {
                String sex = Sex.normalise(raw);
                yield sex.isEmpty() ? null : sex;
            }
            case DOB -> {
                var date = DateParser.parse(raw, today);
                if (date.isPresent()) {
                    yield date.get().toString();
                }
                // a year alone is read as a partial date (the year), not as unreadable
                var year = DateParser.parseYear(raw, today);
                yield year.isPresent() ? String.valueOf(year.getAsInt()) : null;
            }
            case POSTCODE -> Postcode.parse(raw).map(Postcode::value).orElse(null);
            case FORENAME, SURNAME, MIDDLE_NAMES, FULL_NAME -> {
                String name = NameNormaliser.normalise(raw);
                yield name.isEmpty() ? null : name;
            }
            default -> raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        };
    }

    /** One line per field, naming no value. */
    public synchronized List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Field, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            String at = s.capped ? "at least " : "";
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s: %.1f%% filled (%d of %d), %s%d distinct",
                    e.getKey().key(),
                    s.rows == 0 ? 0.0 : 100.0 * s.filled / s.rows,
                    s.filled,
                    s.rows,
                    at,
                    s.raw.size()));
            if (s.normalised.size() != s.raw.size()) {
                line.append(String.format(
                        Locale.ROOT, "; %s%d spellings read as %d values", at, s.raw.size(), s.normalised.size()));
            }
            if (e.getKey() == Field.DOB) {
                line.append(String.format(Locale.ROOT, "; %d formats", s.shapes.size()));
            }
            if (s.unreadable > 0) {
                line.append(String.format(
                        Locale.ROOT,
                        "; %d %s",
                        s.unreadable,
                        switch (e.getKey()) {
                            case DOB -> "unreadable dates";
                            case POSTCODE -> "not UK postcodes (compared as they are)";
                            case SEX -> "unknown (read as missing)";
                            default -> "empty after normalising (placeholders)";
                        }));
            }
            if (s.filled == 0) {
                line.append(" - EMPTY: this field cannot help the match");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The summary, then per field the five commonest values (dates by shape), for {@code --profile}. */
    public synchronized List<String> details() {
        List<String> lines = new ArrayList<>(summary());
        for (Map.Entry<Field, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            Map<String, Integer> shown = e.getKey() == Field.DOB ? s.shapes : s.raw;
            StringBuilder line = new StringBuilder(
                    "  " + e.getKey().key() + (e.getKey() == Field.DOB ? " formats:" : " commonest:"));
            shown.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(5)
                    .forEach(v -> line.append(String.format(Locale.ROOT, " '%s' %d", v.getKey(), v.getValue())));
            lines.add(line.toString());
        }
        return lines;
    }
}

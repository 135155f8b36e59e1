package org.earlyhelp.hub.simulator.extracts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The "messy UK" profile: extracts as a UK public-sector linkage exercise receives them (issue 10). Each partner's
 * system exports dates of birth in its own format (ISO, day first with slashes, two-digit years, compact, month names,
 * with a midnight time), and a share of rows in another; sex as {@code 1/2}, {@code M/F}, {@code Male/Female} in any
 * case; postcodes in any case and spacing; and no address lines, town or UPRN at all. The truth is unchanged: only how
 * values are written.
 */
public final class MessyUk {

    /** The columns a messy-UK file leaves out. */
    public static final Set<Column> DROPPED =
            Set.of(Column.ADDRESS, Column.ADDRESS_1, Column.ADDRESS_2, Column.TOWN, Column.UPRN);

    static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.UK),
            DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK),
            DateTimeFormatter.ofPattern("d/M/yy", Locale.UK),
            DateTimeFormatter.ofPattern("yyyyMMdd", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK),
            DateTimeFormatter.ofPattern("yyyy-MM-dd' 00:00:00'", Locale.UK));

    private static final List<String> MALE = List.of("1", "M", "m", "Male", "MALE", "male");
    private static final List<String> FEMALE = List.of("2", "F", "f", "Female", "FEMALE", "female");
    /** A row written in another format than its file's. */
    static final double OTHER_FORMAT = 0.08;

    private final Random random;

    public MessyUk(long seed) {
        this.random = new Random(seed ^ 0x6d657373795fL);
    }

    /** The value of {@code column} for {@code row} as a messy file would hold it; {@code partnerIndex} picks formats. */
    public String value(Column column, ExtractRow row, int partnerIndex) {
        String v = column.valueOf(row);
        if (v.isEmpty()) {
            return v;
        }
        return switch (column) {
            case DOB -> date(v, partnerIndex);
            case SEX -> sex(v, partnerIndex);
            case POSTCODE -> postcode(v);
            default -> v;
        };
    }

    private String date(String iso, int partnerIndex) {
        LocalDate date;
        try {
            date = LocalDate.parse(iso);
        } catch (RuntimeException notIso) {
            return iso; // the simulator's own unreadable dates stay as they are
        }
        int format = random.nextDouble() < OTHER_FORMAT
                ? random.nextInt(DATE_FORMATS.size())
                : partnerIndex % DATE_FORMATS.size();
        return date.format(DATE_FORMATS.get(format));
    }

    private String sex(String value, int partnerIndex) {
        List<String> spellings =
                switch (value.toUpperCase(Locale.ROOT)) {
                    case "M" -> MALE;
                    case "F" -> FEMALE;
                    default -> List.of(value);
                };
        int pick = random.nextDouble() < 0.2 ? random.nextInt(spellings.size()) : partnerIndex % spellings.size();
        return spellings.get(Math.min(pick, spellings.size() - 1));
    }

    private String postcode(String value) {
        String compact = value.replace(" ", "");
        String spaced =
                switch (random.nextInt(4)) {
                    case 0 -> compact;
                    case 1 -> value;
                    case 2 ->
                        compact.length() > 3
                                ? compact.substring(0, compact.length() - 3) + "  "
                                        + compact.substring(compact.length() - 3)
                                : compact;
                    default -> " " + value + " ";
                };
        return random.nextBoolean() ? spaced.toLowerCase(Locale.ROOT) : spaced;
    }
}

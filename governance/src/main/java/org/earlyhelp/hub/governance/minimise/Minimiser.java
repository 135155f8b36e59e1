package org.earlyhelp.hub.governance.minimise;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.schema.Address;

/**
 * Applies an agreement's field rules to a {@link RecordView}: a field the agreement does not name is dropped, so
 * nothing leaves by omission. Values are rendered as strings in UK local time.
 */
public final class Minimiser {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Pseudonymiser pseudonymiser;

    public Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * The released fields, path to rendered value, in path order.
     *
     * @param today the decision day, for age bands
     */
    public Map<String, String> minimise(RecordView view, Agreement agreement, LocalDate today) {
        return minimise(view.values(), agreement, today, agreement.id());
    }

    /**
     * The same for field values that are not a record's (an analysts' dataset row), with pseudonyms keyed by {@code
     * scope} (an agreement and project) instead of the agreement alone.
     */
    public Map<String, String> minimise(
            Map<String, Object> values, Agreement agreement, LocalDate today, String scope) {
        Map<String, String> released = new TreeMap<>();
        values.forEach((path, value) -> {
            if (value == null) {
                return;
            }
            FieldRule rule = agreement.ruleFor(path);
            switch (rule.action()) {
                case DROP -> {}
                case ALLOW -> released.put(path, render(value));
                case PSEUDONYMISE -> released.put(path, pseudonymiser.pseudonym(scope, render(value)));
                case GENERALISE -> released.put(path, generalise(path, value, rule.generalisation(), today));
            }
        });
        return released;
    }

    static String render(Object value) {
        if (value instanceof Instant instant) {
            return LOCAL_DATE_TIME.format(instant.atZone(UK).toOffsetDateTime());
        }
        if (value instanceof Address address) {
            StringBuilder s = new StringBuilder(String.join(", ", address.getLines()));
            if (address.getPostcode() != null) {
                s.append(s.length() > 0 ? ", " : "").append(address.getPostcode());
            }
            return s.toString();
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return String.valueOf(value);
    }

    static String generalise(String path, Object value, FieldRule.Generalisation to, LocalDate today) {
        return switch (to) {
            case YEAR -> String.valueOf(dateOf(path, value).getYear());
            case AGE_BAND -> ageBand(dateOf(path, value), today);
            case POSTCODE_DISTRICT -> postcodeDistrict(path, value);
        };
    }

    private static LocalDate dateOf(String path, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Instant instant) {
            return instant.atZone(UK).toLocalDate();
        }
        throw new IllegalArgumentException(path + " is not a date and cannot be generalised to a year or age band");
    }

    /** Five-year bands: 0-4, 5-9, 10-14, 15-19, ... */
    static String ageBand(LocalDate dateOfBirth, LocalDate today) {
        int age = Period.between(dateOfBirth, today).getYears();
        int low = Math.max(0, age) / 5 * 5;
        return low + "-" + (low + 4);
    }

    /** The outward code of a UK postcode, e.g. {@code S41 7AB} to {@code S41}; unknown when there is none. */
    static String postcodeDistrict(String path, Object value) {
        String postcode;
        if (value instanceof Address address) {
            postcode = address.getPostcode();
        } else if (value instanceof String s) {
            postcode = s;
        } else {
            throw new IllegalArgumentException(path + " holds no postcode to generalise");
        }
        if (postcode == null || postcode.isBlank()) {
            return "unknown";
        }
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        // the inward code is always the last three characters
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) : "unknown";
    }
}

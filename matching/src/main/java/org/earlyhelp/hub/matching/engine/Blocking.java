package org.earlyhelp.hub.matching.engine;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The blocking rules: two records are compared only if some rule gives them the same key. Each rule is a conjunction
 * picked so that true matches with a few errors still share at least one key, while no key is shared by more than a
 * small fraction of the records. Keys are {@code <rule>:<value>} strings, stable across runs, so a database index can
 * store them.
 */
public final class Blocking {

    /** A named rule; {@code key} returns null when the record lacks what the rule needs. */
    public record BlockingRule(String name, Function<PreparedRecord, String> key) {
        String keyOf(PreparedRecord r) {
            String value = key.apply(r);
            return value == null ? null : name + ":" + value;
        }
    }

    /** Rules in order; a pair is attributed to the first rule that finds it. */
    public static final List<BlockingRule> STANDARD = List.of(
            new BlockingRule("nhs", r -> nonEmpty(r.nhsNumber)),
            new BlockingRule("upn", r -> nonEmpty(r.upn)),
            new BlockingRule("oid", r -> nonEmpty(r.otherIdentifier)),
            new BlockingRule("uprn", r -> nonEmpty(r.uprn)),
            new BlockingRule("em", r -> nonEmpty(r.email)),
            new BlockingRule("ph", r -> nonEmpty(r.phone)),
            new BlockingRule(
                    "dob", r -> r.dateOfBirth == null ? null : r.dateOfBirth.format(DateTimeFormatter.BASIC_ISO_DATE)),
            new BlockingRule(
                    "fs",
                    r -> r.forename.isNull() || r.surname.isNull()
                            ? null
                            : r.forename.normalised() + "|" + r.surname.normalised()),
            new BlockingRule(
                    "sy",
                    r -> r.surname.isNull()
                                    || r.dateOfBirth == null
                                    || r.surname.primary().isEmpty()
                            ? null
                            : r.surname.primary() + "|" + r.dateOfBirth.getYear()),
            new BlockingRule(
                    "fy",
                    r -> r.forename.isNull()
                                    || r.dateOfBirth == null
                                    || r.forename.primary().isEmpty()
                            ? null
                            : r.forename.primary() + "|" + r.dateOfBirth.getYear()),
            new BlockingRule(
                    "sp",
                    r -> r.surname.isNull()
                                    || r.surname.primary().isEmpty()
                                    || r.postcodeKey().isEmpty()
                            ? null
                            : r.surname.primary() + "|" + r.postcodeKey()),
            new BlockingRule(
                    "fp",
                    r -> r.forename.isNull()
                                    || r.forename.primary().isEmpty()
                                    || r.postcodeKey().isEmpty()
                            ? null
                            : r.forename.primary() + "|" + r.postcodeKey()),
            // issue 10, point 4: for pairs whose date of birth is wrong in the year, or wholly wrong, and whose names
            // carry typos (the Splink fake sets: blocking recall 0.73 without these)
            new BlockingRule(
                    "fm",
                    r -> r.forename.isNull()
                                    || r.surname.isNull()
                                    || r.forename.primary().isEmpty()
                                    || r.surname.primary().isEmpty()
                            ? null
                            : r.forename.primary() + "|" + r.surname.primary()),
            new BlockingRule(
                    "fd",
                    r -> r.forename.isNull()
                                    || r.dateOfBirth == null
                                    || r.forename.primary().isEmpty()
                            ? null
                            : r.forename.primary() + "|" + monthDay(r)),
            new BlockingRule(
                    "sd",
                    r -> r.surname.isNull()
                                    || r.dateOfBirth == null
                                    || r.surname.primary().isEmpty()
                            ? null
                            : r.surname.primary() + "|" + monthDay(r)),
            new BlockingRule("pn", r -> {
                String postcode = r.postcodeKey();
                String number = r.address.numbers();
                return postcode.isEmpty() || number.isEmpty() ? null : postcode + "|" + number;
            }));

    private final List<BlockingRule> rules;

    public Blocking(List<BlockingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Blocking standard() {
        return new Blocking(STANDARD);
    }

    public List<BlockingRule> rules() {
        return rules;
    }

    public Set<String> keys(PreparedRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        for (BlockingRule rule : rules) {
            String key = rule.keyOf(record);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String monthDay(PreparedRecord r) {
        return r.dateOfBirth.getMonthValue() + "-" + r.dateOfBirth.getDayOfMonth();
    }

    private static String nonEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}

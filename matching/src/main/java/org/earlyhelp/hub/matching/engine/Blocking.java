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

    /**
     * A named rule; {@code key} returns null when the record lacks what the rule needs. A rule whose key is weak (a name
     * with an initial) has its own {@code maxBlock}: a block of more records than that is not compared through this rule
     * (it is the rule's definition, not a block skipped for size), wherever the general size cap is higher.
     */
    public record BlockingRule(String name, Function<PreparedRecord, String> key, int maxBlock) {

        public BlockingRule(String name, Function<PreparedRecord, String> key) {
            this(name, key, Integer.MAX_VALUE);
        }

        String keyOf(PreparedRecord r) {
            String value = key.apply(r);
            return value == null ? null : name + ":" + value;
        }
    }

    /**
     * The largest block the name-and-initial rules compare: a rare forename with an initial is a handful of records,
     * a common one hundreds, and those pairs are what the name + postcode and name + birth year rules already give. On
     * {@code hub simulate people} (200,000 records, names drawn as skewed as the commonest real ones) the two rules
     * without this cap added 55% more pairs for 0.0004 more blocking recall.
     */
    public static final int INITIAL_BLOCK = 50;

    /** The rule named {@code name}'s own block cap ({@code Integer.MAX_VALUE} for none, or for an unknown name). */
    public static int maxBlockOf(String name) {
        for (BlockingRule rule : STANDARD) {
            if (rule.name().equals(name)) {
                return rule.maxBlock();
            }
        }
        return Integer.MAX_VALUE;
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
                                    || r.birthYear() == 0
                                    || r.surname.primary().isEmpty()
                            ? null
                            : r.surname.primary() + "|" + r.birthYear()),
            new BlockingRule(
                    "fy",
                    r -> r.forename.isNull()
                                    || r.birthYear() == 0
                                    || r.forename.primary().isEmpty()
                            ? null
                            : r.forename.primary() + "|" + r.birthYear()),
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
            }),
            // issue 10, point 4, second round: pairs whose date of birth is wrong in more than the day and whose
            // names carry typos or are missing on one side; each measured for recall and pairs per record in
            // docs/benchmarks.md
            new BlockingRule("ns", Blocking::namesEitherWayRound),
            new BlockingRule("ft", r -> withTown(r, r.forename)),
            new BlockingRule("st", r -> withTown(r, r.surname)),
            new BlockingRule("el", Blocking::emailLocalPart),
            // issue 10, point 4, third round: a name whose other half carries a slip that changes its sound (Smith,
            // Smiht), and an e-mail address with a slip in its letters; measured in docs/benchmarks.md
            new BlockingRule("fi", r -> withInitial(r.forename, r.surname), INITIAL_BLOCK),
            new BlockingRule("si", r -> withInitial(r.surname, r.forename), INITIAL_BLOCK),
            new BlockingRule("ed", Blocking::emailDigits));

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

    /** Both names' phonetic codes in sorted order: a forename and surname written the wrong way round agree. */
    private static String namesEitherWayRound(PreparedRecord r) {
        if (r.forename.isNull() || r.surname.isNull()) {
            return null;
        }
        String f = r.forename.primary();
        String s = r.surname.primary();
        if (f.isEmpty() || s.isEmpty()) {
            return null;
        }
        return f.compareTo(s) <= 0 ? f + "|" + s : s + "|" + f;
    }

    /**
     * One name's phonetic code with the town, for a record without a postcode only: the town stands in for the missing
     * postcode. With a postcode the name + postcode rules do this job; a town beside a postcode would make blocks of a
     * whole town's namesakes (on the simulator, 50 more pairs per record for 0.0001 more recall).
     */
    private static String withTown(PreparedRecord r, org.earlyhelp.hub.matching.compare.NameComparator.Prepared name) {
        return name.isNull()
                        || name.primary().isEmpty()
                        || r.town.isEmpty()
                        || !r.postcodeKey().isEmpty()
                ? null
                : name.primary() + "|" + r.town;
    }

    /** One name exactly, with the other's first letter: the other may carry any slip after its first letter. */
    private static String withInitial(
            org.earlyhelp.hub.matching.compare.NameComparator.Prepared name,
            org.earlyhelp.hub.matching.compare.NameComparator.Prepared other) {
        return name.isNull() || other.isNull()
                ? null
                : name.normalised() + "|" + other.normalised().charAt(0);
    }

    /**
     * The digits of an e-mail address's local part (two or more: a year of birth, a number the person chose) with the
     * first four characters of its domain: survives a slip in the letters, where {@code el} survives one in the
     * domain.
     */
    private static String emailDigits(PreparedRecord r) {
        int at = r.email.indexOf('@');
        if (at < 0 || r.email.length() - at - 1 < 4) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < at; i++) {
            char c = r.email.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() < 2 ? null : digits + "@" + r.email.substring(at + 1, at + 5);
    }

    /** The part of an email address before the first {@code @}, from three characters: it survives a mistyped domain. */
    private static String emailLocalPart(PreparedRecord r) {
        int at = r.email.indexOf('@');
        return at < 3 ? null : r.email.substring(0, at);
    }

    private static String monthDay(PreparedRecord r) {
        return r.dateOfBirth.getMonthValue() + "-" + r.dateOfBirth.getDayOfMonth();
    }

    private static String nonEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}

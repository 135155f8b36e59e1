package org.earlyhelp.hub.governance.agreement;

import java.util.Objects;

/**
 * What the minimiser does with one field: the fixed vocabulary {@code allow}, {@code drop}, {@code generalise <to>}
 * and {@code pseudonymise}.
 */
public record FieldRule(Action action, Generalisation generalisation) {

    public static final FieldRule ALLOW = new FieldRule(Action.ALLOW, null);
    public static final FieldRule DROP = new FieldRule(Action.DROP, null);
    public static final FieldRule PSEUDONYMISE = new FieldRule(Action.PSEUDONYMISE, null);

    public FieldRule {
        Objects.requireNonNull(action, "action");
        if ((action == Action.GENERALISE) != (generalisation != null)) {
            throw new IllegalArgumentException(
                    "generalise needs a target (year, age-band, postcode-district)" + " and no other action takes one");
        }
    }

    public static FieldRule generalise(Generalisation to) {
        return new FieldRule(Action.GENERALISE, to);
    }

    /**
     * Parses the spelling used in agreement files, e.g. {@code allow} or {@code generalise postcode-district}.
     *
     * @throws IllegalArgumentException naming the accepted spellings
     */
    public static FieldRule parse(String text) {
        String[] words = text == null ? new String[0] : text.trim().split("\\s+");
        if (words.length == 1) {
            switch (words[0]) {
                case "allow":
                    return ALLOW;
                case "drop":
                    return DROP;
                case "pseudonymise":
                    return PSEUDONYMISE;
                default:
                    break;
            }
        } else if (words.length == 2 && words[0].equals("generalise")) {
            return generalise(Generalisation.parse(words[1]));
        }
        throw new IllegalArgumentException("'" + text + "' is not a field rule: use allow, drop, pseudonymise,"
                + " or generalise year | age-band | postcode-district");
    }

    @Override
    public String toString() {
        return action == Action.GENERALISE ? "generalise " + generalisation.yamlName() : action.yamlName();
    }

    public enum Action {
        ALLOW,
        DROP,
        GENERALISE,
        PSEUDONYMISE;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Generalisation {
        /** A date to its year. */
        YEAR,
        /** A date of birth to a five-year age band on the day of the decision. */
        AGE_BAND,
        /** A postcode or address to its outward code (the postcode district). */
        POSTCODE_DISTRICT;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Generalisation parse(String text) {
            for (Generalisation g : values()) {
                if (g.yamlName().equals(text)) {
                    return g;
                }
            }
            throw new IllegalArgumentException(
                    "'" + text + "' is not a generalisation: use year, age-band or postcode-district");
        }
    }
}

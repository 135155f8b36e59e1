package org.earlyhelp.hub.analytics.criteria;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One test of one field of a record as seen from a person ({@code attendance.attendance-percent below 90}). A field the
 * record does not carry fails every test but {@code absent}.
 *
 * @param field a field path of the record type, as agreements name them
 * @param op the test
 * @param values the operand: one value, or several for {@code in}; none for {@code present} and {@code absent}
 */
public record Condition(String field, Op op, List<String> values) {

    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
    }

    /** The tests a condition may make, spelled in YAML as their kebab-case names. */
    public enum Op {
        EQUALS,
        IN,
        BELOW,
        AT_MOST,
        ABOVE,
        AT_LEAST,
        IS,
        CONTAINS,
        PRESENT,
        ABSENT;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Op fromYaml(String name) {
            for (Op op : values()) {
                if (op.yamlName().equals(name)) {
                    return op;
                }
            }
            return null;
        }

        boolean numeric() {
            return this == BELOW || this == AT_MOST || this == ABOVE || this == AT_LEAST;
        }
    }

    /** Whether the value a record carries for {@link #field} (null when it carries none) passes this test. */
    public boolean test(Object value) {
        if (op == Op.ABSENT) {
            return value == null || (value instanceof Collection<?> c && c.isEmpty());
        }
        if (value == null) {
            return false;
        }
        return switch (op) {
            case PRESENT -> !(value instanceof Collection<?> c && c.isEmpty());
            case EQUALS -> text(value).equals(text(values.get(0)));
            case IN -> values.stream().anyMatch(v -> text(v).equals(text(value)));
            case IS -> value instanceof Boolean b && b == Boolean.parseBoolean(values.get(0));
            case CONTAINS ->
                value instanceof Collection<?> c && c.stream().anyMatch(v -> text(v).equals(text(values.get(0))));
            case BELOW, AT_MOST, ABOVE, AT_LEAST -> value instanceof Number n && compare(n.doubleValue());
            case ABSENT -> throw new AssertionError();
        };
    }

    private boolean compare(double v) {
        double bound = Double.parseDouble(values.get(0));
        return switch (op) {
            case BELOW -> v < bound;
            case AT_MOST -> v <= bound;
            case ABOVE -> v > bound;
            case AT_LEAST -> v >= bound;
            default -> throw new AssertionError();
        };
    }

    /**
     * Text, enum symbols and the operand compare ignoring case and the difference between {@code _} and {@code -}, so
     * {@code SECTION_8}, {@code section_8} and {@code section-8} are one value.
     */
    private static String text(Object value) {
        String s = value instanceof Enum<?> e ? e.name() : value.toString();
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return field + " " + op.yamlName() + (values.isEmpty() ? "" : " " + String.join(", ", values));
    }
}

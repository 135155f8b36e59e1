package org.earlyhelp.hub.matching.compare;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Agree or not, for fields with no useful partial agreement: sex, UPRN and identifiers. Values are first brought to a
 * canonical form; one that has none (blank, or failing its check such as a wrong NHS check digit) counts as missing.
 */
public final class ExactComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        OTHER,
        NULL
    }

    private final Function<String, Optional<String>> canonical;

    /** Compares case-insensitively, ignoring surrounding spaces, e.g. for sex or UPRN. */
    public ExactComparator() {
        this(ExactComparator::trimmedUpperCase);
    }

    /** E.g. {@code new ExactComparator(NhsNumber::parse)}. */
    public ExactComparator(Function<String, Optional<String>> canonical) {
        this.canonical = canonical;
    }

    public Level compare(String a, String b) {
        Optional<String> x = a == null ? Optional.empty() : canonical.apply(a);
        Optional<String> y = b == null ? Optional.empty() : canonical.apply(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Level.NULL;
        }
        return x.get().equals(y.get()) ? Level.EXACT : Level.OTHER;
    }

    private static Optional<String> trimmedUpperCase(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}

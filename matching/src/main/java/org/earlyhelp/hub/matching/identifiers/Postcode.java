package org.earlyhelp.hub.matching.identifiers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A UK postcode in its canonical {@code OUTWARD INWARD} form, with the coarser units used to compare addresses. */
public final class Postcode {

    // Outward: area letters, district digit, optional digit or letter. Inward: sector digit, unit letters.
    private static final Pattern SHAPE =
            Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})|(GIR)(0AA)");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    private final String outward;
    private final String inward;

    private Postcode(String outward, String inward) {
        this.outward = outward;
        this.inward = inward;
    }

    /** Accepts any case and spacing ({@code "s417ab"}, {@code " S41  7AB"}); empty when it is not a postcode. */
    public static Optional<Postcode> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = NOT_ALPHANUMERIC.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        return m.group(1) != null
                ? Optional.of(new Postcode(m.group(1), m.group(2)))
                : Optional.of(new Postcode(m.group(3), m.group(4)));
    }

    /** The district, e.g. {@code S41}. */
    public String outward() {
        return outward;
    }

    /** E.g. {@code 7AB}. */
    public String inward() {
        return inward;
    }

    /** The outward code and the sector digit, e.g. {@code S41 7}: a few thousand addresses. */
    public String sector() {
        return outward + " " + inward.charAt(0);
    }

    /** The canonical form, e.g. {@code S41 7AB}. */
    public String value() {
        return outward + " " + inward;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Postcode other && outward.equals(other.outward) && inward.equals(other.inward);
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}

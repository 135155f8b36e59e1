package org.earlyhelp.hub.connector.health.fhir;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode in the one form the hub matches on: upper case, outward and inward code split by one space ({@code
 * s417ab} and {@code S41  7AB} are both {@code S41 7AB}). Anything else (a US ZIP code in an HL7 example, a typo) is
 * kept as the sender wrote it, so the matcher simply finds no postcode to agree on.
 */
final class UkPostcode {

    private static final Pattern UK = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})");

    private UkPostcode() {}

    static String normalise(String postcode) {
        String t = FhirValues.text(postcode);
        if (t == null) {
            return null;
        }
        Matcher m = UK.matcher(t.toUpperCase(Locale.ROOT));
        return m.matches() ? m.group(1) + " " + m.group(2) : t;
    }

    static boolean isUk(String postcode) {
        return postcode != null && UK.matcher(postcode).matches();
    }
}

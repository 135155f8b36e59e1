package org.earlyhelp.hub.matching.households;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.earlyhelp.hub.matching.identifiers.Postcode;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * The household a record places its person in: the UPRN where the partner knows it (the property's own identifier),
 * otherwise the normalised address lines with the postcode. Two records with the same key are at the same address.
 */
public final class HouseholdKey {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("road", "rd"),
            Map.entry("street", "st"),
            Map.entry("avenue", "ave"),
            Map.entry("lane", "ln"),
            Map.entry("drive", "dr"),
            Map.entry("close", "cl"),
            Map.entry("court", "ct"),
            Map.entry("crescent", "cres"),
            Map.entry("place", "pl"),
            Map.entry("terrace", "ter"),
            Map.entry("gardens", "gdns"),
            Map.entry("grove", "gr"),
            Map.entry("square", "sq"),
            Map.entry("apartment", "flat"),
            Map.entry("apt", "flat"));

    private HouseholdKey() {}

    /** Empty when the record has neither a UPRN nor an address with a valid postcode. */
    public static Optional<String> of(PersonRecord record) {
        if (record.uprn() != null && DIGITS.matcher(record.uprn().strip()).matches()) {
            return Optional.of("uprn:" + Long.parseLong(record.uprn().strip()));
        }
        Optional<Postcode> postcode = Postcode.parse(record.postcode());
        String address = normaliseAddress(record.address());
        if (postcode.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("addr:" + address + "|" + postcode.get().value());
    }

    /** Lower case, punctuation gone, common street words abbreviated: {@code "12, Oak Road"} becomes {@code "12 oak rd"}. */
    public static String normaliseAddress(String raw) {
        if (raw == null) {
            return "";
        }
        String text = NOT_LETTER_OR_DIGIT
                .matcher(raw.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        if (text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }
}

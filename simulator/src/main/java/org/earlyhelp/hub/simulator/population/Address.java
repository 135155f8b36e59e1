package org.earlyhelp.hub.simulator.population;

import java.util.List;
import java.util.Objects;

/**
 * A postal address.
 *
 * @param lines the address lines, first line first, ending with the town
 * @param postcode a UK postcode such as {@code S41 7AB}
 * @param uprn the 12-digit unique property reference number, or {@code null} where the place has none
 */
public record Address(List<String> lines, String postcode, String uprn) {

    public Address {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(postcode, "postcode");
    }
}

package org.earlyhelp.hub.connector.api.inbound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.hub.schema.Address;

/** A postal address as a partner sends it: lines, a UK postcode, and the UPRN where the partner holds one. */
public record AddressInput(
        @Size(max = 6) List<@NotBlank @Size(max = 200) String> lines,
        @Pattern(
                        regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}",
                        message = "must be a UK postcode such as S41 7AB")
                String postcode,
        @Pattern(regexp = "[0-9]{1,12}", message = "must be 1 to 12 digits") String uprn) {

    /** The canonical address; null for no address. */
    public static Address toAvro(AddressInput a) {
        if (a == null) {
            return null;
        }
        return Address.newBuilder()
                .setLines(
                        a.lines() == null
                                ? List.of()
                                : a.lines().stream().map(String::strip).toList())
                .setPostcode(a.postcode() == null ? null : a.postcode().strip().toUpperCase(Locale.ROOT))
                .setUprn(a.uprn())
                .build();
    }
}

package org.earlyhelp.hub.matching.link;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The person-record fields a CSV column can be mapped to with {@code --map COLUMN=FIELD}. */
public enum Field {
    FORENAME,
    MIDDLE_NAMES,
    SURNAME,
    /** Split into forename (first word), surname (last word) and middle names, unless those are mapped too. */
    FULL_NAME,
    DOB,
    SEX,
    POSTCODE,
    /** Address lines: every column mapped to address, address_1 or address_2 is joined, in that order. */
    ADDRESS,
    ADDRESS_1,
    ADDRESS_2,
    TOWN,
    UPRN,
    NHS_NUMBER,
    UPN,
    OTHER_IDENTIFIER,
    EMAIL,
    PHONE;

    /** The name used on the command line, e.g. {@code nhs_number}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Field> of(String key) {
        return Arrays.stream(values())
                .filter(f -> f.key().equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", "));
    }
}

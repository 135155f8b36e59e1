package org.earlyhelp.hub.simulator.extracts;

import java.util.function.Function;

/** The CSV columns; the demographic ones are named like the link command's fields so that mapping is trivial. */
public enum Column {
    RECORD_ID("record_id", ExtractRow::recordId),
    PARTNER("partner", r -> r.partner().id()),
    FORENAME("forename", ExtractRow::forename),
    MIDDLE_NAMES("middle_names", ExtractRow::middleNames),
    SURNAME("surname", ExtractRow::surname),
    DOB("dob", ExtractRow::dob),
    SEX("sex", ExtractRow::sex),
    ADDRESS("address", ExtractRow::address),
    ADDRESS_1("address_1", ExtractRow::address1),
    ADDRESS_2("address_2", ExtractRow::address2),
    TOWN("town", ExtractRow::town),
    POSTCODE("postcode", ExtractRow::postcode),
    UPRN("uprn", ExtractRow::uprn),
    NHS_NUMBER("nhs_number", ExtractRow::nhsNumber),
    UPN("upn", ExtractRow::upn),
    EMAIL("email", ExtractRow::email),
    PHONE("phone", ExtractRow::phone),
    TRUE_PERSON_ID("true_person_id", ExtractRow::truePersonId),
    TRUE_FAMILY_ID("true_family_id", ExtractRow::trueFamilyId),
    TRUE_ERRORS("true_errors", r -> String.join(";", r.errors()));

    private final String header;
    private final Function<ExtractRow, String> value;

    Column(String header, Function<ExtractRow, String> value) {
        this.header = header;
        this.value = value;
    }

    public String header() {
        return header;
    }

    public String valueOf(ExtractRow row) {
        String v = value.apply(row);
        return v == null ? "" : v;
    }
}

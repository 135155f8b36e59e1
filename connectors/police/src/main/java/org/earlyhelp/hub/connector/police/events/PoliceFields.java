package org.earlyhelp.hub.connector.police.events;

import java.util.List;
import java.util.Locale;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.schema.Person;

/** The patterns every police event shares, as constants the validation annotations can name, and small helpers. */
final class PoliceFields {

    static final String REFERENCE = "[A-Za-z0-9/_.-]+";
    static final String REFERENCE_MESSAGE = "letters, digits and / _ . - only";
    static final String POSTCODE = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";
    static final String POSTCODE_MESSAGE = "must be a UK postcode such as S41 7AB";

    private PoliceFields() {}

    static String postcode(String postcode) {
        return postcode == null ? null : postcode.strip().toUpperCase(Locale.ROOT);
    }

    static List<Person> people(List<PersonInput> people) {
        return people.stream().map(PersonInput::toAvro).toList();
    }
}

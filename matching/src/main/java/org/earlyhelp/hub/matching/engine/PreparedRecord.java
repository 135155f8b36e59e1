package org.earlyhelp.hub.matching.engine;

import java.time.LocalDate;
import java.util.Optional;
import org.earlyhelp.hub.matching.compare.AddressComparator;
import org.earlyhelp.hub.matching.compare.AnyPostcodeComparator;
import org.earlyhelp.hub.matching.compare.EmailComparator;
import org.earlyhelp.hub.matching.compare.IdentifierComparator;
import org.earlyhelp.hub.matching.compare.NameComparator;
import org.earlyhelp.hub.matching.compare.TextComparator;
import org.earlyhelp.hub.matching.identifiers.NhsNumber;
import org.earlyhelp.hub.matching.identifiers.Postcode;
import org.earlyhelp.hub.matching.identifiers.Sex;
import org.earlyhelp.hub.matching.identifiers.Upn;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.matching.names.NameNormaliser;

/**
 * A record's fields normalised once, so that comparing it with many others does no parsing: a batch compares each
 * record hundreds of times. Missing or invalid values are empty strings (or null for the date and postcode).
 */
public final class PreparedRecord {

    final PersonRecord record;
    final NameComparator.Prepared forename;
    final NameComparator.Prepared surname;
    final String[] middleNames;
    final LocalDate dateOfBirth;
    /** The year of birth where only the year is known (no full date), else 0. */
    final int yearOnly;

    final String sex;
    final Postcode postcode;
    final String foreignPostcode;
    final AddressComparator.Prepared address;
    final String town;
    final String uprn;
    final String nhsNumber;
    final String upn;
    final String otherIdentifier;
    final String email;
    final String phone;

    PreparedRecord(PersonRecord record, NameComparator names) {
        this.record = record;
        this.forename = names.prepare(record.forename());
        this.surname = names.prepare(record.surname());
        String middle = NameNormaliser.normalise(record.middleNames());
        this.middleNames = middle.isEmpty() ? new String[0] : middle.split(" ");
        this.dateOfBirth = record.dateOfBirth();
        this.yearOnly = dateOfBirth == null && record.yearOfBirth() != null ? record.yearOfBirth() : 0;
        this.sex = Sex.normalise(record.sex());
        Optional<Postcode> parsed = Postcode.parse(record.postcode());
        this.postcode = parsed.orElse(null);
        this.foreignPostcode = parsed.isPresent() ? "" : AnyPostcodeComparator.foreign(record.postcode());
        this.address = AddressComparator.prepare(record.address());
        this.town = TextComparator.normalise(record.town());
        this.uprn = IdentifierComparator.normalise(record.uprn());
        this.nhsNumber = NhsNumber.parse(record.nhsNumber()).orElse("");
        this.upn = record.education() ? Upn.parse(record.upn()).orElse("") : "";
        this.otherIdentifier = IdentifierComparator.normalise(record.otherIdentifier());
        this.email = EmailComparator.normalise(record.email());
        this.phone = phone(record.phone());
    }

    public PersonRecord record() {
        return record;
    }

    /** The postcode as compared and blocked on: the UK canonical form, else a foreign one, else empty. */
    String postcodeKey() {
        return postcode != null ? postcode.value() : foreignPostcode;
    }

    /** The year of birth, from the full date or a year alone; 0 when neither is known. */
    int birthYear() {
        return dateOfBirth != null ? dateOfBirth.getYear() : yearOnly;
    }

    /** Digits only, a leading 44 country code read as a 0; fewer than 6 digits is no phone number. */
    private static String phone(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("[^0-9]", "");
        if (digits.startsWith("44") && digits.length() == 12) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? "" : digits;
    }
}

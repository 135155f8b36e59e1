package org.earlyhelp.hub.simulator.extracts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.simulator.population.Address;

/**
 * Writes down a {@link TruePerson} the way one partner would, applying that partner's {@link ErrorRates}. The
 * randomness comes from the caller, so the same seed gives the same record.
 */
final class RecordMaker {

    static final String FORENAME_TYPO = "forename_typo";
    static final String SURNAME_TYPO = "surname_typo";
    static final String NICKNAME = "nickname";
    static final String NAMES_SWAPPED = "names_swapped";
    static final String SURNAME_CHANGED = "surname_changed";
    static final String DOB_MISSING = "dob_missing";
    static final String DOB_YEAR_ONLY = "dob_year_only";
    static final String DOB_TRANSPOSED = "dob_transposed";
    static final String DOB_DIGIT_TYPO = "dob_digit_typo";
    static final String MOVED_ADDRESS = "moved_address";
    static final String POSTCODE_MISSING = "postcode_missing";
    static final String NHS_MISSING = "nhs_missing";
    static final String NHS_TYPO = "nhs_typo";
    static final String PLACEHOLDER_NAME = "placeholder_name";
    static final String SEX_MISSING = "sex_missing";

    private RecordMaker() {}

    static ExtractRow record(TruePerson person, Partner partner, String recordId, Random random) {
        ErrorRates rates = partner.rates();
        List<String> errors = new ArrayList<>();

        String forename = person.forename();
        String surname = person.surname();
        String middle = person.middleNames();
        if (person.child() && chance(random, rates.placeholderName())) {
            forename = random.nextInt(4) == 0 ? "Unborn" : "Baby";
            middle = null;
            errors.add(PLACEHOLDER_NAME);
        } else if (Nicknames.hasFamiliarForm(forename) && chance(random, rates.nickname())) {
            forename = Nicknames.familiar(forename, random);
            errors.add(NICKNAME);
        }
        if (person.altSurname() != null && chance(random, rates.surnameChanged())) {
            surname =
                    person.child() || random.nextBoolean() ? surname + "-" + person.altSurname() : person.altSurname();
            errors.add(SURNAME_CHANGED);
        }
        if (chance(random, rates.forenameTypo())) {
            forename = Typos.oneEdit(forename, random);
            errors.add(FORENAME_TYPO);
        }
        if (chance(random, rates.surnameTypo())) {
            surname = Typos.oneEdit(surname, random);
            errors.add(SURNAME_TYPO);
        }
        if (chance(random, rates.namesSwapped())) {
            String swap = forename;
            forename = surname;
            surname = swap;
            errors.add(NAMES_SWAPPED);
        }

        String dob = dob(person.dateOfBirth(), partner, rates, random, errors);
        String sex = partner.sexCode(person.sex());
        if (chance(random, rates.sexMissing())) {
            sex = "";
            errors.add(SEX_MISSING);
        }

        Address address = person.address();
        if (person.previousAddress() != null && chance(random, rates.movedAddress())) {
            address = person.previousAddress();
            errors.add(MOVED_ADDRESS);
        }
        String postcode = address.postcode();
        if (chance(random, rates.postcodeMissing())) {
            postcode = "";
            errors.add(POSTCODE_MISSING);
        }

        String nhs = null;
        if (partner.records(Column.NHS_NUMBER)) {
            nhs = person.nhsNumber();
            if (nhs == null || chance(random, rates.nhsMissing())) {
                nhs = null;
                errors.add(NHS_MISSING);
            } else if (chance(random, rates.nhsTypo())) {
                nhs = Typos.digit(nhs, random);
                errors.add(NHS_TYPO);
            }
        }

        List<String> lines = address.lines();
        boolean contact = !person.child() || random.nextInt(3) == 0;
        return new ExtractRow(
                partner,
                recordId,
                person.personId(),
                person.familyId(),
                forename,
                partner.records(Column.MIDDLE_NAMES) ? middle : null,
                surname,
                dob,
                sex,
                postcode,
                partner.records(Column.ADDRESS) ? String.join(", ", lines) : null,
                lines.get(0),
                lines.size() > 2 ? lines.get(1) : "",
                lines.get(lines.size() - 1),
                partner.records(Column.UPRN) && random.nextInt(100) < 97 ? address.uprn() : null,
                nhs,
                partner.records(Column.UPN) ? person.upn() : null,
                partner.records(Column.EMAIL) && contact ? person.email() : null,
                partner.records(Column.PHONE) && contact ? person.phone() : null,
                errors);
    }

    private static String dob(LocalDate truth, Partner partner, ErrorRates rates, Random random, List<String> errors) {
        double roll = random.nextDouble();
        double cut = rates.dobMissing();
        if (roll < cut) {
            errors.add(DOB_MISSING);
            return "";
        }
        if (roll < (cut += rates.dobYearOnly())) {
            errors.add(DOB_YEAR_ONLY);
            return String.valueOf(truth.getYear());
        }
        if (roll < (cut += rates.dobTransposed())) {
            int day = truth.getDayOfMonth();
            if (day <= 12 && day != truth.getMonthValue()) {
                errors.add(DOB_TRANSPOSED);
                return partner.dobFormat().format(LocalDate.of(truth.getYear(), day, truth.getMonthValue()));
            }
            return partner.dobFormat().format(truth);
        }
        if (roll < cut + rates.dobDigitTypo()) {
            errors.add(DOB_DIGIT_TYPO);
            return partner.dobFormat().format(digitTypo(truth, random));
        }
        return partner.dobFormat().format(truth);
    }

    /** Changes one digit of the ISO form of the date, keeping it a valid, different date. */
    static LocalDate digitTypo(LocalDate truth, Random random) {
        String iso = truth.toString();
        // positions of the year's last digit, the month's and the day's digits in yyyy-MM-dd
        int[] positions = {3, 5, 6, 8, 9};
        while (true) {
            int at = positions[random.nextInt(positions.length)];
            char digit = (char) ('0' + random.nextInt(10));
            if (digit == iso.charAt(at)) {
                continue;
            }
            String typo = iso.substring(0, at) + digit + iso.substring(at + 1);
            try {
                return LocalDate.parse(typo);
            } catch (DateTimeException e) {
                // an impossible date: try another digit
            }
        }
    }

    private static boolean chance(Random random, double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}

package org.earlyhelp.hub.matching.model;

import java.time.LocalDate;

/**
 * The demographic fields of one source record that matching compares; every field but {@code id} may be null.
 *
 * @param id the record's id, unique within its source
 * @param source where it came from: a partner ({@code police}, {@code schools}, ...) or an input file
 * @param education true for an education record; a UPN is compared only between two education records
 * @param address the address lines as one string (house number, street, locality), without town or postcode
 * @param otherIdentifier an identifier the source vouches for that is not an NHS number (e.g. a social security id)
 * @param yearOfBirth the year of birth where only the year is known ({@code 1985}: a police record's "age given"),
 *     null otherwise; ignored when {@code dateOfBirth} is set
 */
public record PersonRecord(
        String id,
        String source,
        boolean education,
        String forename,
        String middleNames,
        String surname,
        LocalDate dateOfBirth,
        String sex,
        String postcode,
        String address,
        String town,
        String uprn,
        String nhsNumber,
        String upn,
        String otherIdentifier,
        String email,
        String phone,
        Integer yearOfBirth) {

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id)
                .source(source)
                .education(education)
                .forename(forename)
                .middleNames(middleNames)
                .surname(surname)
                .dateOfBirth(dateOfBirth)
                .sex(sex)
                .postcode(postcode)
                .address(address)
                .town(town)
                .uprn(uprn)
                .nhsNumber(nhsNumber)
                .upn(upn)
                .otherIdentifier(otherIdentifier)
                .email(email)
                .phone(phone)
                .yearOfBirth(yearOfBirth);
    }

    /** Builds a {@link PersonRecord} field by field; unset fields are null. */
    public static final class Builder {
        private final String id;
        private String source;
        private boolean education;
        private String forename;
        private String middleNames;
        private String surname;
        private LocalDate dateOfBirth;
        private String sex;
        private String postcode;
        private String address;
        private String town;
        private String uprn;
        private String nhsNumber;
        private String upn;
        private String otherIdentifier;
        private String email;
        private String phone;
        private Integer yearOfBirth;

        private Builder(String id) {
            this.id = id;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder education(boolean value) {
            education = value;
            return this;
        }

        public Builder forename(String value) {
            forename = value;
            return this;
        }

        public Builder middleNames(String value) {
            middleNames = value;
            return this;
        }

        public Builder surname(String value) {
            surname = value;
            return this;
        }

        public Builder dateOfBirth(LocalDate value) {
            dateOfBirth = value;
            return this;
        }

        public Builder sex(String value) {
            sex = value;
            return this;
        }

        public Builder postcode(String value) {
            postcode = value;
            return this;
        }

        public Builder address(String value) {
            address = value;
            return this;
        }

        public Builder town(String value) {
            town = value;
            return this;
        }

        public Builder uprn(String value) {
            uprn = value;
            return this;
        }

        public Builder nhsNumber(String value) {
            nhsNumber = value;
            return this;
        }

        public Builder upn(String value) {
            upn = value;
            return this;
        }

        public Builder otherIdentifier(String value) {
            otherIdentifier = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /** The year of birth where only the year is known (see {@link PersonRecord}); null for none. */
        public Builder yearOfBirth(Integer value) {
            yearOfBirth = value;
            return this;
        }

        public PersonRecord build() {
            return new PersonRecord(
                    id,
                    source,
                    education,
                    forename,
                    middleNames,
                    surname,
                    dateOfBirth,
                    sex,
                    postcode,
                    address,
                    town,
                    uprn,
                    nhsNumber,
                    upn,
                    otherIdentifier,
                    email,
                    phone,
                    yearOfBirth);
        }
    }
}

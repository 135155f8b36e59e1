package org.earlyhelp.hub.connector.api;

import java.time.LocalDate;

/**
 * A person in a request who may carry a date of birth. {@code dateOfBirthExpected} marks the date as expected (a
 * pre-birth referral): only then may it lie in the future. Checked by {@link PlausibleDateOfBirth}.
 */
public interface DatedPerson {

    LocalDate dateOfBirth();

    /** Null means false. */
    Boolean dateOfBirthExpected();
}

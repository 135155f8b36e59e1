package org.earlyhelp.hub.simulator.population;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * One member of a synthetic family.
 *
 * @param givenName given name
 * @param familyName family name
 * @param dateOfBirth date of birth
 * @param sex recorded sex
 * @param nhsNumber a valid 10-digit NHS number from the 999 test range
 * @param role whether the member is a child or an adult
 * @param schoolUrn the URN of the child's school; {@code null} for adults
 */
public record Member(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        String nhsNumber,
        Role role,
        String schoolUrn) {

    /** A member's place in the family. */
    public enum Role {
        CHILD,
        ADULT
    }

    public Member {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(role, "role");
    }

    /** Age in whole years on the given date. */
    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    public boolean isChild() {
        return role == Role.CHILD;
    }
}

package org.earlyhelp.hub.connector.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.util.Optional;

/** Checks {@link PlausibleDateOfBirth}; the violation names the field and the rule, never the date. */
public final class PlausibleDateOfBirthValidator implements ConstraintValidator<PlausibleDateOfBirth, DatedPerson> {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    @Override
    public boolean isValid(DatedPerson person, ConstraintValidatorContext context) {
        if (person == null) {
            return true;
        }
        LocalDate today = LocalDate.now(context.getClockProvider().getClock());
        Optional<FieldError> problem = problem(person.dateOfBirth(), person.dateOfBirthExpected(), today);
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.get().reason())
                .addPropertyNode(problem.get().field())
                .addConstraintViolation();
        return false;
    }

    /** The field and reason wrong with this date of birth, if any. */
    public static Optional<FieldError> problem(LocalDate dateOfBirth, Boolean expected, LocalDate today) {
        boolean isExpected = Boolean.TRUE.equals(expected);
        if (dateOfBirth == null) {
            return isExpected
                    ? Optional.of(new FieldError("dateOfBirth", "is required when dateOfBirthExpected is true"))
                    : Optional.empty();
        }
        if (dateOfBirth.isBefore(EARLIEST)) {
            return Optional.of(new FieldError("dateOfBirth", "must be on or after 1900-01-01"));
        }
        if (dateOfBirth.isAfter(today.plusYears(1))) {
            return Optional.of(new FieldError("dateOfBirth", "must be no later than one year from today"));
        }
        if (dateOfBirth.isAfter(today) && !isExpected) {
            return Optional.of(new FieldError(
                    "dateOfBirth", "is in the future: set dateOfBirthExpected to true for an expected date"));
        }
        if (dateOfBirth.isBefore(today) && isExpected) {
            return Optional.of(new FieldError("dateOfBirthExpected", "is only for a date of birth still to come"));
        }
        return Optional.empty();
    }
}

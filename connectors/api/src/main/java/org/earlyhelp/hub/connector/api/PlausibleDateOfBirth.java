package org.earlyhelp.hub.connector.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link DatedPerson}: the date of birth lies between 1900-01-01 and one year from today (by the validator's
 * clock), and in the future only when marked expected. A date such as {@code -999999-01-01} once parsed, and then made
 * the resolve step fail on every try; dates outside this range are mistakes or attacks, never people.
 */
@Documented
@Constraint(validatedBy = PlausibleDateOfBirthValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDateOfBirth {

    String message() default "is not a plausible date of birth";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

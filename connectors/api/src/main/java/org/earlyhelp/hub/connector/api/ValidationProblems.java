package org.earlyhelp.hub.connector.api;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bean Validation violations as {@link FieldError}s. The message templates name the rule ("size must be between 1 and
 * 100"), never the invalid value; container element nodes ({@code <list element>}) are dropped from the path.
 */
final class ValidationProblems {

    private ValidationProblems() {}

    static <T> List<FieldError> of(Collection<ConstraintViolation<T>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            String path = v.getPropertyPath()
                    .toString()
                    .replaceAll("\\.?<[a-z ]+>", "")
                    .replaceAll("^\\.", "");
            errors.add(new FieldError(path.isEmpty() ? "$" : path, v.getMessage()));
        }
        return errors;
    }
}

package org.earlyhelp.hub.connector.police.events;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;

/**
 * The checks every police event gets beyond Bean Validation: not in the future (five minutes' clock skew allowed), at
 * least one child, refs unique and NHS check digits right ({@link PersonInput#problems}), then the event's own.
 * Written against values Bean Validation may already have refused, so nothing here assumes a field is present.
 */
public final class PoliceEventChecks {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private PoliceEventChecks() {}

    public static List<FieldError> problems(PoliceEventRequest request, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        if (request.occurredAt() != null
                && request.occurredAt().isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
            errors.add(new FieldError("occurredAt", "must not be in the future"));
        }
        List<PersonInput> people = request.people();
        if (people != null && !people.isEmpty() && people.stream().allMatch(Objects::nonNull)) {
            errors.addAll(PersonInput.problems(people, "people"));
            if (people.stream().noneMatch(p -> "CHILD".equals(p.role()))) {
                errors.add(new FieldError("people", "must include at least one CHILD"));
            }
            errors.addAll(request.ownProblems());
        }
        return errors;
    }
}

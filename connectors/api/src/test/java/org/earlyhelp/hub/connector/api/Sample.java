package org.earlyhelp.hub.connector.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A body with one field of each kind the hub's request types use. */
record Sample(
        @NotBlank @Size(max = 100) String name,
        Boolean present,
        Integer count,
        Double percent,
        OffsetDateTime occurredAt,
        Kind kind,
        @Size(max = 6) List<@NotBlank String> lines,
        @Valid List<@NotNull @Valid Child> people) {

    enum Kind {
        ONE,
        TWO
    }

    @PlausibleDateOfBirth
    record Child(@NotBlank String givenName, LocalDate dateOfBirth, Boolean dateOfBirthExpected)
            implements DatedPerson {}
}

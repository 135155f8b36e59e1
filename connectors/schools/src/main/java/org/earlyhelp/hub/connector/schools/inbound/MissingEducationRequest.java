package org.earlyhelp.hub.connector.schools.inbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/** A child missing education (a State), as the council's education service posts it. */
public record MissingEducationRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid MissingEducation missingEducation,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** OPEN while missing, CLOSED once the child is placed or found. */
    public record MissingEducation(
            @NotNull @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED") String status,
            @NotNull @PastOrPresent LocalDate since,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String lastSchoolUrn,
            @Size(max = 4000) String notes) {}
}

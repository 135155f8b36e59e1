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

/** A child electively home educated (a State), as the council's education service posts it. */
public record ElectiveHomeEducationRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid HomeEducation homeEducation,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** ACTIVE while home educated, ENDED when the child returns to a school. */
    public record HomeEducation(
            @NotNull @Pattern(regexp = "ACTIVE|ENDED", message = "must be ACTIVE or ENDED") String status,
            @NotNull @PastOrPresent LocalDate since,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String previousSchoolUrn,
            @Size(max = 4000) String notes) {}
}

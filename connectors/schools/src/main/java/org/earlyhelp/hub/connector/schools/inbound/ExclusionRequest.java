package org.earlyhelp.hub.connector.schools.inbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/** A permanent exclusion, as the excluding school posts it (an Event). */
public record ExclusionRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Exclusion exclusion,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** Where, from when, and the DfE reason code. */
    public record Exclusion(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            @NotNull LocalDate effectiveDate,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter DfE reason code such as PD")
                    String reason,
            @Size(max = 4000) String notes) {}
}

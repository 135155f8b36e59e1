package org.earlyhelp.hub.connector.schools.inbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/** A fixed-period suspension, as the suspending school posts it (an Event). */
public record SuspensionRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Suspension suspension,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** Where, from when, for how many sessions, and the DfE reason code. */
    public record Suspension(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            @NotNull @PastOrPresent LocalDate startDate,
            @NotNull @Min(1) @Max(90) Integer sessions,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter DfE reason code such as PD")
                    String reason,
            @Size(max = 4000) String notes) {}
}

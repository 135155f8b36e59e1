package org.earlyhelp.hub.connector.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/**
 * A health involvement as health posts it: the people it is about (the patient as CHILD, related people as PARENT)
 * and the service working with them: the body the generic records endpoint took, so a health system moves by changing
 * the URL only ({@code type} may be left out). Read by the hub's one strict reader.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record HealthInvolvementRequest(
        @Pattern(regexp = "health-involvement", message = "must be health-involvement, or left out") String type,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Involvement involvement,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** The service: health visiting, school nursing, CAMHS; clinical notes never leave the hub. */
    public record Involvement(
            @NotBlank @Size(max = 64) String service,
            @NotNull @PastOrPresent LocalDate since,
            @Size(max = 200) String team,
            @Size(max = 4000) String clinicalNotes) {}
}

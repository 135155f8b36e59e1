package org.earlyhelp.hub.connector.police;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.earlyhelp.hub.connector.api.DatedPerson;
import org.earlyhelp.hub.connector.api.PlausibleDateOfBirth;
import org.earlyhelp.hub.connector.api.inbound.AddressInput;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/**
 * A domestic abuse incident as the police system posts it, read by the hub's strict reader. The shape predates the
 * shared {@link PersonInput} and stays as forces already send it: a person here also says whether a child was
 * present; addresses are the shared {@link AddressInput}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PoliceIncidentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9/_.-]+", message = "letters, digits and / _ . - only")
                String reference,
        @NotNull OffsetDateTime occurredAt,
        @NotNull @Valid AddressInput place,
        @Pattern(regexp = "STANDARD|MEDIUM|HIGH|UNKNOWN", message = "must be STANDARD, MEDIUM, HIGH or UNKNOWN")
                String riskLevel,
        @Size(max = 4000) String officerNotes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonDto> people,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** One person involved in the incident; a future date of birth only when marked expected (pre-birth). */
    @PlausibleDateOfBirth
    public record PersonDto(
            @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
                    String ref,
            @NotNull
                    @Pattern(
                            regexp = "CHILD|ADULT_VICTIM|PERPETRATOR|PARENT|OTHER",
                            message = "must be CHILD, ADULT_VICTIM, PERPETRATOR, PARENT or OTHER")
                    String role,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            LocalDate dateOfBirth,
            @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN", message = "must be FEMALE, MALE, OTHER or UNKNOWN")
                    String sex,
            @Pattern(regexp = "[0-9]{10}", message = "must be 10 digits") String nhsNumber,
            @Valid AddressInput address,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            Boolean present,
            Boolean dateOfBirthExpected)
            implements DatedPerson {

        /** The shared person shape (which has no {@code present}: that is the incident's, not the person's). */
        public PersonInput toInput() {
            return new PersonInput(
                    ref,
                    role,
                    givenName,
                    familyName,
                    dateOfBirth,
                    sex,
                    nhsNumber,
                    null,
                    address,
                    schoolUrn,
                    dateOfBirthExpected);
        }
    }
}

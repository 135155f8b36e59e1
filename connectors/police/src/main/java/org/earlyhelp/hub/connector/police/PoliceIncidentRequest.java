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

/** A domestic abuse incident as the police system posts it, read by the hub's strict reader. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PoliceIncidentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9/_.-]+", message = "letters, digits and / _ . - only")
                String reference,
        @NotNull OffsetDateTime occurredAt,
        @NotNull @Valid AddressDto place,
        @Pattern(regexp = "STANDARD|MEDIUM|HIGH|UNKNOWN", message = "must be STANDARD, MEDIUM, HIGH or UNKNOWN")
                String riskLevel,
        @Size(max = 4000) String officerNotes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonDto> people) {

    /** A postal address. */
    public record AddressDto(
            @Size(max = 6) List<@NotBlank @Size(max = 200) String> lines,
            @Pattern(
                            regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}",
                            message = "must be a UK postcode such as S41 7AB")
                    String postcode,
            @Pattern(regexp = "[0-9]{1,12}", message = "must be 1 to 12 digits") String uprn) {}

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
            @Valid AddressDto address,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            Boolean present,
            Boolean dateOfBirthExpected)
            implements DatedPerson {}
}

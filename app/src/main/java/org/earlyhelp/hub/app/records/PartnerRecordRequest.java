package org.earlyhelp.hub.app.records;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.DatedPerson;
import org.earlyhelp.hub.connector.api.PlausibleDateOfBirth;

/**
 * A canonical record as a partner posts it: the people it is about, and exactly one payload matching {@code type}.
 * Read by the hub's one strict reader: unknown fields, coercion and control characters are refused.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PartnerRecordRequest(
        @NotNull
                @Pattern(
                        regexp = "school-attendance|health-involvement|case-involvement",
                        message = "must be school-attendance, health-involvement or case-involvement")
                String type,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Person> people,
        @Valid Attendance attendance,
        @Valid Involvement involvement,
        @Valid Case caseInvolvement) {

    /** A postal address. */
    public record Address(
            @Size(max = 6) List<@NotBlank @Size(max = 200) String> lines,
            @Pattern(
                            regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}",
                            message = "must be a UK postcode such as S41 7AB")
                    String postcode,
            @Pattern(regexp = "[0-9]{1,12}", message = "must be 1 to 12 digits") String uprn) {}

    /** One person the record is about; a future date of birth only when marked expected (pre-birth). */
    @PlausibleDateOfBirth
    public record Person(
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
            @Pattern(regexp = "[A-Za-z][0-9]{11}[0-9A-Za-z]", message = "must be a 13-character UPN") String upn,
            @Valid Address address,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            Boolean dateOfBirthExpected)
            implements DatedPerson {}

    /** {@code school-attendance}, from schools. */
    public record Attendance(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            @NotBlank @Size(max = 32) String term,
            @NotNull @DecimalMin("0.0") @DecimalMax("100.0") Double attendancePercent,
            @Min(0) Integer suspensions,
            @Size(max = 4000) String pastoralNotes) {}

    /** {@code health-involvement}, from health. */
    public record Involvement(
            @NotBlank @Size(max = 64) String service,
            @NotNull @PastOrPresent LocalDate since,
            @Size(max = 200) String team,
            @Size(max = 4000) String clinicalNotes) {}

    /** {@code case-involvement}, from the case system. */
    public record Case(
            @NotBlank @Size(max = 64) String caseType,
            @NotBlank @Size(max = 32) String status,
            @NotNull @PastOrPresent LocalDate openedOn,
            @Size(max = 200) String leadPractitioner,
            @Size(max = 100) List<@NotNull @Valid Relationship> relationships) {}

    /** Between two people of this record, by ref. */
    public record Relationship(
            @NotBlank @Size(max = 16) String fromRef,
            @NotBlank @Size(max = 16) String toRef,
            @NotNull
                    @Pattern(
                            regexp = "PARENT_OF|CARER_OF|SIBLING_OF|PARTNER_OF|OTHER",
                            message = "must be PARENT_OF, CARER_OF, SIBLING_OF, PARTNER_OF or OTHER")
                    String kind) {}
}

package org.earlyhelp.hub.connector.casesystem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * A case involvement as the case system posts it to {@code /api/casesystem/involvements}: the body the generic
 * records endpoint took (so a case system can move by changing the URL only; {@code type} may be left out), with the
 * level of need, the closing date and the dates of the enquiry and of support starting added.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSystemInvolvementRequest(
        @Pattern(regexp = "case-involvement", message = "must be case-involvement, or left out") String type,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Involvement caseInvolvement,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** The involvement: what kind of case, whether open, who leads it, how great the need, who is related how. */
    public record Involvement(
            @NotNull
                    @Pattern(
                            regexp = "[a-z][a-z0-9-]{0,63}",
                            message = "must be a lower-case code such as early-help, child-in-need or child-protection")
                    String caseType,
            @NotNull
                    @Pattern(
                            regexp = "(?i)open|closing|closed|ended",
                            message = "must be open, closing, closed or ended")
                    String status,
            @NotNull @PastOrPresent LocalDate openedOn,
            LocalDate closedOn,
            @PastOrPresent LocalDate enquiryOn,
            @PastOrPresent LocalDate supportStartedOn,
            @Size(max = 200) String leadPractitioner,
            @Min(value = 1, message = "must be 1 (universal) to 4 (specialist)")
                    @Max(value = 4, message = "must be 1 (universal) to 4 (specialist)")
                    Integer levelOfNeed,
            @Size(max = 100) List<@NotNull @Valid Relationship> relationships) {}

    /** Between two people of this record, by ref: {@code fromRef} is {@code kind} of {@code toRef}. */
    public record Relationship(
            @NotBlank @Size(max = 16) String fromRef,
            @NotBlank @Size(max = 16) String toRef,
            @NotNull
                    @Pattern(
                            regexp = "PARENT_OF|CARER_OF|SIBLING_OF|PARTNER_OF|OTHER",
                            message = "must be PARENT_OF, CARER_OF, SIBLING_OF, PARTNER_OF or OTHER")
                    String kind) {}
}

package org.earlyhelp.hub.connector.casesystem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

/**
 * A completed Early Help Assessment, as the case system posts it to {@code /api/casesystem/assessments}: the people,
 * the assessment, and the consent the family gave or refused in it (every assessment records one).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSystemAssessmentRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Assessment assessment,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    static final String CODE = "[a-z][a-z0-9-]{0,63}";
    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9/._-]{0,63}";
    static final String REFERENCE_MESSAGE = "must be 1 to 64 letters, digits, '/', '.', '_' or '-'";

    public record Assessment(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_MESSAGE) String reference,
            @NotNull @PastOrPresent LocalDate completedOn,
            @Size(max = 200) String leadPractitioner,
            @Min(value = 1, message = "must be 1 (universal) to 4 (specialist)")
                    @Max(value = 4, message = "must be 1 (universal) to 4 (specialist)")
                    Integer levelOfNeed,
            @Size(max = 30)
                    List<@NotNull @Pattern(regexp = CODE, message = "must be a lower-case code such as neglect") String>
                            needs,
            @NotNull @Valid Consent consent) {}

    /**
     * The consent as the consent register will need it: given or not, on whose say, by whom (a person of the record),
     * recorded when and by which professional, against which signed record, for which agreements, until when, and
     * for which people of the record.
     */
    public record Consent(
            @NotNull Boolean given,
            @NotNull
                    @Pattern(
                            regexp = "young-person|parental-responsibility|gillick-competent",
                            message = "must be young-person, parental-responsibility or gillick-competent")
                    String basis,
            @NotNull @Size(max = 16) String givenBy,
            @NotNull @PastOrPresent LocalDate recordedOn,
            @NotNull
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}",
                            message = "must be a user id: 1 to 64 letters, digits, '.', '_', '@' or '-'")
                    String recordedBy,
            @NotNull @Pattern(regexp = CODE, message = "must be a lower-case role such as lead-practitioner")
                    String recordedByRole,
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_MESSAGE) String reference,
            @NotEmpty @Size(max = 20)
                    List<@NotNull @Pattern(regexp = CODE, message = "must be an agreement id") String> scope,
            LocalDate expires,
            @NotEmpty @Size(max = 30) List<@NotNull @Size(max = 16) String> people) {}
}

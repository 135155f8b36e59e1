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
 * A referral between early help and children's social care, as the case system posts it to {@code
 * /api/casesystem/referrals}: the people, and the referral naming the children it is about by ref.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSystemReferralRequest(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Referral referral,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** Which way, when, why (a code), at what level of need, from whom to which team, about whom. */
    public record Referral(
            @NotNull
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9/._-]{0,63}",
                            message = "must be 1 to 64 letters, digits, '/', '.', '_' or '-'")
                    String reference,
            @NotNull @Pattern(regexp = "STEP_UP|STEP_DOWN", message = "must be STEP_UP or STEP_DOWN") String direction,
            @NotNull @PastOrPresent LocalDate referredOn,
            @NotNull
                    @Pattern(
                            regexp = "[a-z][a-z0-9-]{0,63}",
                            message = "must be a lower-case code such as domestic-abuse or neglect")
                    String reason,
            @Min(value = 1, message = "must be 1 (universal) to 4 (specialist)")
                    @Max(value = 4, message = "must be 1 (universal) to 4 (specialist)")
                    Integer levelOfNeed,
            @Size(max = 200) String referredBy,
            @Size(max = 200) String toTeam,
            @NotEmpty @Size(max = 30) List<@NotNull @Size(max = 16) String> referred,
            @Size(max = 4000) String summary) {}
}

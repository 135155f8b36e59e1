package org.earlyhelp.hub.connector.schools.inbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/**
 * A pupil's attendance for a term, as a school (its own URN) or the education service (a roll record, any URN) posts
 * it: the pupils as CHILD, their contacts as PARENT. Either the session counts (possible and attended, from which the
 * hub works out the percentage) or the percentage alone. The body the generic records endpoint took still reads, so a
 * school's system moves by changing the URL only ({@code type} may be left out).
 */
public record AttendanceRequest(
        @Pattern(regexp = "school-attendance", message = "must be school-attendance, or left out") String type,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @NotNull @Valid Attendance attendance,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld) {

    /** The term's attendance at one school. */
    public record Attendance(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9 _/-]+", message = "letters, digits, space, _ / -")
                    String term,
            @Min(0) @Max(1000) Integer sessionsPossible,
            @Min(0) @Max(1000) Integer sessionsAttended,
            @DecimalMin("0.0") @DecimalMax("100.0") Double attendancePercent,
            @Min(0) @Max(100) Integer suspensions,
            @Size(max = 4000) String pastoralNotes) {}
}

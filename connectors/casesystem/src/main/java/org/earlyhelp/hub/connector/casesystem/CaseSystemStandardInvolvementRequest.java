package org.earlyhelp.hub.connector.casesystem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;

/**
 * A case involvement whose people arrive in the DfE draft Person standard shape ({@code
 * /api/casesystem/people-standard/involvements}): each person is the hub's ref and role around the standard's
 * {@code person}; the involvement is the same as on {@code /api/casesystem/involvements}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSystemStandardInvolvementRequest(
        @Pattern(regexp = "case-involvement", message = "must be case-involvement, or left out") String type,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Entry> people,
        @NotNull @Valid CaseSystemInvolvementRequest.Involvement caseInvolvement) {

    /** One person: the ref the involvement's relationships use, the role, and the person as the standard has them. */
    public record Entry(
            @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
                    String ref,
            @NotNull
                    @Pattern(
                            regexp = "CHILD|ADULT_VICTIM|PERPETRATOR|PARENT|OTHER",
                            message = "must be CHILD, ADULT_VICTIM, PERPETRATOR, PARENT or OTHER")
                    String role,
            @NotNull CaseSystemPersonStandard person) {}

    /** Everything Bean Validation cannot see: each standard person, refs used once, the involvement's checks. */
    List<FieldError> problems(LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        java.util.Set<String> refs = new java.util.HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            Entry e = people.get(i);
            if (!refs.add(e.ref())) {
                problems.add(new FieldError("people[" + i + "].ref", "is used twice"));
            }
            problems.addAll(CaseSystemPersonStandardMapper.problems(e.person(), "people[" + i + "].person", today));
        }
        problems.addAll(CaseSystemInvolvementMapper.problems(caseInvolvement, refs, today));
        return problems;
    }
}

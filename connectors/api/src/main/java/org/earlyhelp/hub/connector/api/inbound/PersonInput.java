package org.earlyhelp.hub.connector.api.inbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.hub.connector.api.DatedPerson;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PlausibleDateOfBirth;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;

/**
 * One person a record is about, as every connector's JSON carries them; a future date of birth only when marked
 * expected (pre-birth). NHS numbers are checked by their modulus 11 check digit as well as their shape.
 */
@PlausibleDateOfBirth
public record PersonInput(
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
        @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN", message = "must be FEMALE, MALE, OTHER or UNKNOWN") String sex,
        @Pattern(regexp = "[0-9]{10}", message = "must be 10 digits") String nhsNumber,
        @Pattern(regexp = "[A-Za-z][0-9]{11}[0-9A-Za-z]", message = "must be a 13-character UPN") String upn,
        @Valid AddressInput address,
        @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit school URN") String schoolUrn,
        Boolean dateOfBirthExpected)
        implements DatedPerson {

    /** The canonical person. */
    public Person toAvro() {
        return Person.newBuilder()
                .setRef(ref)
                .setRole(Role.valueOf(role))
                .setNhsNumber(nhsNumber)
                .setUpn(upn == null ? null : upn.toUpperCase(Locale.ROOT))
                .setGivenName(givenName.strip())
                .setFamilyName(familyName.strip())
                .setDateOfBirth(dateOfBirth)
                .setDateOfBirthExpected(Boolean.TRUE.equals(dateOfBirthExpected))
                .setSex(sex == null ? null : Sex.valueOf(sex))
                .setAddress(AddressInput.toAvro(address))
                .setSchoolUrn(schoolUrn)
                .build();
    }

    /**
     * What Bean Validation cannot check across a list of people: refs used twice, NHS numbers failing the check digit.
     * Safe on any body Bean Validation refuses (a missing list, a null entry), since both run on the same body.
     *
     * @param path the JSON path of the list, e.g. {@code people}
     */
    public static List<FieldError> problems(List<PersonInput> people, String path) {
        List<FieldError> problems = new ArrayList<>();
        if (people == null) {
            return problems; // Bean Validation names the missing list
        }
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            PersonInput p = people.get(i);
            if (p == null) {
                continue; // Bean Validation names the null entry
            }
            if (p.ref() != null && !refs.add(p.ref())) {
                problems.add(new FieldError(path + "[" + i + "].ref", "is used twice"));
            }
            if (p.nhsNumber() != null && p.nhsNumber().matches("[0-9]{10}") && !NhsNumbers.valid(p.nhsNumber())) {
                problems.add(new FieldError(path + "[" + i + "].nhsNumber", "fails the NHS number check digit"));
            }
        }
        return problems;
    }
}

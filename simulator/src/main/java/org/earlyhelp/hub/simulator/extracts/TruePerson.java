package org.earlyhelp.hub.simulator.extracts;

import java.time.LocalDate;
import java.util.Objects;
import org.earlyhelp.hub.simulator.population.Address;
import org.earlyhelp.hub.simulator.population.Sex;

/**
 * The truth about one person, before any partner records it: what every extract row is a noisy copy of.
 *
 * @param ordinal a dense number from 0, used to seed the randomness of this person's records
 * @param personId the ground-truth person id, e.g. {@code F000012-03}
 * @param familyId the ground-truth family (household) id
 * @param altSurname a surname the person has also been known by (maiden name, the other parent's name)
 * @param upn the Unique Pupil Number for children; {@code null} for adults
 * @param previousAddress where the family lived before; some partners still hold it
 * @param email an address at a reserved domain; {@code null} when the person has none
 * @param phone a number from Ofcom's ranges reserved for drama; {@code null} when the person has none
 */
public record TruePerson(
        long ordinal,
        String personId,
        String familyId,
        String forename,
        String middleNames,
        String surname,
        String altSurname,
        LocalDate dateOfBirth,
        Sex sex,
        boolean child,
        String nhsNumber,
        String upn,
        Address address,
        Address previousAddress,
        String email,
        String phone) {

    public TruePerson {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(forename, "forename");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(address, "address");
    }
}

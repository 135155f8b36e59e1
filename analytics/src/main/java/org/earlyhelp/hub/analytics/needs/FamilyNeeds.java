package org.earlyhelp.hub.analytics.needs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One family's needs: the members who have any (a member without one is not listed, so a family's eligibility exposes
 * nobody else), and each active outcome with the members who have it.
 *
 * @param members the number of people in the family, with a need or not
 * @param listed whether the family has at least the criteria's threshold of active needs
 */
public record FamilyNeeds(
        String familyId, int members, List<PersonNeeds> people, Map<String, Set<String>> activeBy, boolean listed) {

    public FamilyNeeds {
        people = List.copyOf(people);
        activeBy = Map.copyOf(activeBy);
    }

    public Set<String> active() {
        return activeBy.keySet();
    }
}

package org.earlyhelp.hub.analytics.needs;

import java.util.List;

/** The needs of one person as at a date, each with its evidence; a person with none is not listed. */
public record PersonNeeds(String personId, String familyId, List<NeedStatus> needs) {

    public PersonNeeds {
        needs = List.copyOf(needs);
    }

    /** The outcomes whose need is active. */
    public List<String> active() {
        return needs.stream()
                .filter(n -> n.status() == NeedStatus.Status.ACTIVE)
                .map(NeedStatus::outcome)
                .toList();
    }
}

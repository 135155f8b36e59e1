package org.earlyhelp.hub.simulator.population;

import java.util.List;
import java.util.Objects;

/**
 * A household: the adults and children living at one address.
 *
 * @param id a stable identifier within the population, such as {@code F000001}
 * @param address where the family lives
 * @param members adults first, then children, oldest first
 */
public record Family(String id, Address address, List<Member> members) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    public List<Member> adults() {
        return members.stream().filter(m -> !m.isChild()).toList();
    }

    public List<Member> children() {
        return members.stream().filter(Member::isChild).toList();
    }
}

package org.earlyhelp.hub.matching.index;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The people around one person: those sharing a household with them, and those partners say they are related to,
 * followed for two steps (a child, their parent, the parent's other children).
 *
 * @param personId the person the family was built around
 */
public record Family(UUID personId, List<Member> members) {

    /**
     * @param connections how this member was reached: {@code self}, {@code household}, or a relationship kind as
     *     asserted ({@code PARENT_OF}, ...)
     * @param recordKeys the member's records, each {@code <source>/<record id>}
     */
    public record Member(UUID personId, Set<String> connections, List<String> recordKeys) {}

    public Family {
        members = List.copyOf(members);
    }
}

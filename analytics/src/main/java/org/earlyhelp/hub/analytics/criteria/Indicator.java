package org.earlyhelp.hub.analytics.criteria;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One sign in the partners' records, e.g. "attendance under 90% in a term": records of {@code type} about a person in
 * one of {@code roles} (any role when empty) whose fields pass every condition.
 *
 * @param datedBy the field path that dates the evidence ({@code arrears.as-of}); null to date it by when the hub
 *     received the record
 * @param withinMonths how long the evidence counts as a current need after its date; null for no limit
 */
public record Indicator(
        String id,
        String description,
        String type,
        Set<String> roles,
        List<Condition> where,
        String datedBy,
        Integer withinMonths) {

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        roles = Set.copyOf(roles);
        where = List.copyOf(where);
    }

    /** Whether a record of {@code recordType} seen from a person in {@code role} with these field values shows it. */
    public boolean matches(String recordType, String role, Map<String, Object> values) {
        if (!type.equals(recordType) || (!roles.isEmpty() && !roles.contains(role))) {
            return false;
        }
        for (Condition c : where) {
            if (!c.test(values.get(c.field()))) {
                return false;
            }
        }
        return true;
    }
}

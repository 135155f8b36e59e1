package org.earlyhelp.hub.analytics.criteria;

import java.util.List;
import java.util.Objects;

/**
 * One headline outcome ({@code safe-from-domestic-abuse}): the indicators that show a person has the need, and those
 * that show it resolved.
 */
public record Outcome(String id, String title, List<Indicator> need, List<Indicator> resolved) {

    public Outcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        need = List.copyOf(need);
        resolved = List.copyOf(resolved);
    }
}

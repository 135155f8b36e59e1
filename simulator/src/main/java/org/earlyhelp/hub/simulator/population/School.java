package org.earlyhelp.hub.simulator.population;

import java.util.Objects;

/**
 * A school in the council area.
 *
 * @param urn the 6-digit unique reference number
 * @param name the school's name
 */
public record School(String urn, String name) {

    public School {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(name, "name");
    }
}

package org.earlyhelp.hub.simulator.population;

/** A person's recorded sex, with the same symbols the hub accepts. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}

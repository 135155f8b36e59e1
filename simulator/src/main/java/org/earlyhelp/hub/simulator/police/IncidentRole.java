package org.earlyhelp.hub.simulator.police;

/** A person's part in an incident, with the symbols the hub accepts. */
public enum IncidentRole {
    CHILD,
    ADULT_VICTIM,
    PERPETRATOR,
    PARENT,
    OTHER
}

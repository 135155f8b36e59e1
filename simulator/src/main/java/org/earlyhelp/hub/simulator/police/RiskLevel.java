package org.earlyhelp.hub.simulator.police;

/** The officer's DASH risk grading, with the symbols the hub accepts. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH,
    UNKNOWN
}

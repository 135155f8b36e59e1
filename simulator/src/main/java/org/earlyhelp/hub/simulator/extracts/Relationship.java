package org.earlyhelp.hub.simulator.extracts;

/**
 * A parent-child link recorded in the case system, between two of its record ids.
 *
 * @param relationship {@code mother}, {@code father} or {@code parent}
 */
public record Relationship(String parentRecordId, String childRecordId, String relationship) {}

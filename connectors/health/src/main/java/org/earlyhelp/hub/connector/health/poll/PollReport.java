package org.earlyhelp.hub.connector.health.poll;

import java.util.List;

/**
 * What one poll did, per resource type: resources read and accepted, pages, and the class of the failure it stopped
 * on (never a message: it could quote the resource). {@code heldElsewhere}: another instance holds the source.
 */
public record PollReport(boolean heldElsewhere, List<TypeReport> types) {

    public PollReport {
        types = List.copyOf(types);
    }

    public record TypeReport(String resourceType, int read, int accepted, int pages, String stoppedOn) {}

    public int accepted() {
        return types.stream().mapToInt(TypeReport::accepted).sum();
    }
}

package org.earlyhelp.hub.analytics.needs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record as seen from one of its people: the field values the agreements' field paths name ({@code
 * attendance.attendance-percent}), with where it came from.
 *
 * @param ref the person's ref within the record
 * @param role the person's role in the record, kebab-case ({@code child}, {@code adult-victim})
 */
public record Observation(
        String personId,
        String ref,
        String role,
        String recordId,
        String provider,
        String type,
        Instant receivedAt,
        Map<String, Object> values) {

    public Observation {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        values = Map.copyOf(values);
    }
}

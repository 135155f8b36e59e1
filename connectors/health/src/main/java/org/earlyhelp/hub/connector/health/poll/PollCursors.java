package org.earlyhelp.hub.connector.health.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * Where polling of a FHIR source has reached, per resource type, and the lease that lets one hub instance at a time
 * poll a source.
 */
public interface PollCursors {

    /** The lastUpdated of the last resource of this type handed over; empty before the first. */
    Optional<Instant> load(String source, String resourceType);

    void save(String source, String resourceType, Instant lastUpdated);

    /** The source's lease, held until closed; empty while another instance holds it. */
    Optional<AutoCloseable> tryLock(String source);
}

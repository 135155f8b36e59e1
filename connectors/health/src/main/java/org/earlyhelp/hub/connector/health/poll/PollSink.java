package org.earlyhelp.hub.connector.health.poll;

import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Takes one polled resource. Returns once it is stored (or dead-lettered, for what fails the same way every time);
 * throws when it is not stored, and the poll of that type stops there to retry at the next poll.
 */
@FunctionalInterface
public interface PollSink {
    void accept(IBaseResource resource, FhirReferences references) throws Exception;
}

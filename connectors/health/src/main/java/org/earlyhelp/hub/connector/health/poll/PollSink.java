package org.earlyhelp.hub.connector.health.poll;

import java.util.List;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Takes one polled resource. Returns once it is stored (or dead-lettered, for what fails the same way every time);
 * throws when it is not stored, and the poll of that type stops there to retry at the next poll.
 */
public interface PollSink {

    /** A resource that parsed strictly. */
    void accept(IBaseResource resource, FhirReferences references) throws Exception;

    /**
     * A resource the server sent that is not strictly valid R4 (it is refused the same way every time): to be
     * dead-lettered with the problems, and the poll goes on past it.
     *
     * @param leniently the resource as HAPI's lenient parse read it, for its type, id and version
     * @param json the resource exactly as the server sent it
     */
    void refuse(IBaseResource leniently, String json, List<FhirProblem> problems) throws Exception;
}

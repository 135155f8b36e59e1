package org.earlyhelp.hub.connector.health.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * Resolves the Patient a resource points at ({@code Encounter.subject}, {@code Flag.subject}, {@code
 * RelatedPerson.patient}, {@code Consent.patient}): from the Bundle it came in, the sender's server (polling) or what
 * the sender pushed earlier. Empty when it cannot be found; the mapper then rejects with a reason.
 */
@FunctionalInterface
public interface FhirReferences {

    /** @param reference as written in the resource: {@code Patient/123}, an absolute URL, or a Bundle's {@code urn:uuid:} */
    Optional<Patient> patient(String reference);

    static FhirReferences none() {
        return reference -> Optional.empty();
    }
}

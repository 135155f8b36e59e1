package org.earlyhelp.hub.connector.health.poll;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Resolves the Patients polled resources point at by reading them from the same server, once per poll (a cache), for
 * relative references ({@code Patient/<id>}) and absolute ones to the same base; anything else is not followed.
 */
final class ServerReferences implements FhirReferences {

    private final IGenericClient client;
    private final String base;
    private final Map<String, Optional<Patient>> cache = new HashMap<>();

    ServerReferences(IGenericClient client) {
        this.client = client;
        String b = client.getServerBase();
        this.base = b.endsWith("/") ? b : b + "/";
    }

    @Override
    public Optional<Patient> patient(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String relative = reference.startsWith(base) ? reference.substring(base.length()) : reference;
        IdType id = new IdType(relative);
        if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart() || relative.contains("://")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(id.getIdPart(), part -> {
            try {
                return Optional.of(
                        client.read().resource(Patient.class).withId(part).execute());
            } catch (ResourceNotFoundException | ResourceGoneException e) {
                return Optional.empty();
            }
        });
    }
}

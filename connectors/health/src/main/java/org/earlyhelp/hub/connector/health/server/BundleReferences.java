package org.earlyhelp.hub.connector.health.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * Resolves the Patients a pushed resource points at from the Bundle it came in: by the entry's {@code fullUrl}
 * ({@code urn:uuid:...} or absolute), and by {@code Patient/<id>} for an entry with an id, then from {@code fallback}
 * (what the sender pushed earlier).
 */
final class BundleReferences implements FhirReferences {

    private final Map<String, Patient> patients = new HashMap<>();
    private final FhirReferences fallback;

    BundleReferences(Bundle bundle, FhirReferences fallback) {
        this.fallback = fallback;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Patient p) {
                if (entry.hasFullUrl()) {
                    patients.put(entry.getFullUrl(), p);
                }
                if (p.hasIdElement() && p.getIdElement().hasIdPart()) {
                    patients.put("Patient/" + p.getIdElement().getIdPart(), p);
                }
            }
        }
    }

    @Override
    public Optional<Patient> patient(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Patient p = patients.get(reference);
        if (p == null && reference.contains("/Patient/")) {
            p = patients.get(reference.substring(reference.lastIndexOf("/Patient/") + 1));
        }
        return p != null ? Optional.of(p) : fallback.patient(reference);
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.schema.Person;

/**
 * A FHIR Consent as the hub's consent register needs it: the patient it is about (the person, as a Patient maps,
 * and the sender's reference {@code Patient/<id>}), given or withdrawn, the hub agreements it covers (from {@code
 * Consent.policy.uri}: {@code urn:earlyhelp:agreement:<id>}), the basis ({@code young-person}, {@code
 * parental-responsibility}, {@code gillick-competent}), the sender's reference for the signed record ({@code
 * Consent/<id>/_history/<v>}), until when (required when given), and the professional who recorded it.
 */
public record ConsentStatement(
        String patientReference,
        Person patient,
        boolean given,
        List<String> agreements,
        String basis,
        String reference,
        LocalDate expires,
        String professional,
        String professionalRole) {

    public ConsentStatement {
        Objects.requireNonNull(patientReference, "patientReference");
        Objects.requireNonNull(patient, "patient");
        agreements = List.copyOf(agreements);
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(professionalRole, "professionalRole");
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.health.schema.HealthPatient;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A Patient as the person the hub matches, and as a {@code health-patient} State. The hub takes a patient only with a
 * usable identity: a given and a family name, and a valid NHS number or a date of birth; with less the matcher would
 * link the wrong child or none, and nobody would know. An animal (R4's {@code patient-animal} extension) is no one the
 * hub is about. The role is CHILD under 18 by the mapper's clock.
 */
final class PatientMapping {

    static final String ANIMAL = "http://hl7.org/fhir/StructureDefinition/patient-animal";

    private PatientMapping() {}

    /** The patient as a person of a record, with the given ref; a reason when it has no usable identity. */
    static Person person(Patient patient, String ref, LocalDate today) {
        if (patient.hasExtension(ANIMAL)) {
            throw new MappingFailure(
                    "business-rule", "Patient.extension", "is an animal patient: the hub is about people");
        }
        PersonParts.Name name = PersonParts.name(patient.getName(), today, "Patient");
        String nhs = PersonParts.nhsNumber(patient.getIdentifier(), "Patient");
        LocalDate dob = PersonParts.birthDate(patient.getBirthDateElement(), today, "Patient");
        if (!name.complete()) {
            throw new MappingFailure(
                    "required", "Patient.name", "has no current name with both a given and a family name");
        }
        if (nhs == null && dob == null) {
            throw new MappingFailure(
                    "required", "Patient.birthDate", "is required (to the day) when there is no valid NHS number");
        }
        return PersonParts.person(ref, PersonParts.ageRole(dob, today), name)
                .setNhsNumber(nhs)
                .setLocalIds(PersonParts.localIds(patient.getIdentifier()))
                .setDateOfBirth(dob)
                .setSex(PersonParts.sex(patient.getGender()))
                .setAddress(PersonParts.address(patient.getAddress(), today))
                .build();
    }

    static HubRecord record(Patient patient, LocalDate today) {
        String reference = FhirMapper.required(FhirValues.reference(patient), "Patient.id");
        Person person = person(patient, "p1", today);
        HealthPatient payload = HealthPatient.newBuilder()
                .setReference(reference)
                .setActive(patient.hasActive() ? patient.getActive() : null)
                .setDeceased(deceased(patient))
                .setGeneralPractice(generalPractice(patient.getGeneralPractitioner()))
                .setManagingOrganisation(FhirValues.whom(patient.getManagingOrganization()))
                .build();
        return FhirMapper.record(RecordKind.STATE, "health-patient", List.of(person), payload);
    }

    /** Deceased as a flag, or as a date of death (which the hub does not keep: that it is known is enough). */
    static boolean deceased(Patient patient) {
        if (patient.hasDeceasedBooleanType()) {
            return patient.getDeceasedBooleanType().booleanValue();
        }
        return patient.hasDeceasedDateTimeType();
    }

    /** The registered GP practice: the first Organization among the general practitioners, else the first named. */
    private static String generalPractice(List<Reference> gps) {
        for (Reference gp : gps) {
            boolean organisation = "Organization".equals(gp.getType())
                    || (gp.getReference() != null && gp.getReference().startsWith("Organization/"));
            if (organisation && FhirValues.whom(gp) != null) {
                return FhirValues.whom(gp);
            }
        }
        return gps.stream()
                .map(FhirValues::whom)
                .filter(w -> w != null)
                .findFirst()
                .orElse(null);
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.connector.health.schema.HealthRelatedPerson;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * A RelatedPerson as a {@code health-related-person} State with two people: the patient ({@code p1}, CHILD under 18)
 * and the related person ({@code p2}), PARENT when any relationship is a parent's or guardian's v3 RoleCode (mother,
 * father, parent, natural, step, adoptive, foster, guardian), else OTHER. The connector links a PARENT to a CHILD as
 * {@code RELATED_PERSON_OF}. The related person needs a given and a family name: the hub cannot match a nameless one.
 */
final class RelatedPersonMapping {

    static final Set<String> PARENT_CODES = Set.of(
            "MTH", "FTH", "PRN", "NMTH", "NFTH", "NPRN", "STPMTH", "STPFTH", "STPPRN", "ADOPTM", "ADOPTF", "ADOPTP",
            "GESTM", "MTHFOST", "FTHFOST", "PRNFOST", "GUARD");

    private RelatedPersonMapping() {}

    static HubRecord record(RelatedPerson r, FhirReferences references, LocalDate today) {
        String reference = FhirMapper.reference(r, "RelatedPerson.id");
        FhirMapper.Subject subject = FhirMapper.subject(r.getPatient(), "RelatedPerson.patient", references, today);
        PersonParts.Name name = PersonParts.name(r.getName(), today, "RelatedPerson");
        if (!name.complete()) {
            throw new MappingFailure(
                    "required", "RelatedPerson.name", "has no current name with both a given and a family name");
        }
        boolean parent = r.getRelationship().stream()
                .flatMap(c -> c.getCoding().stream())
                .anyMatch(c ->
                        c.getCode() != null && PARENT_CODES.contains(c.getCode().strip()));
        Person related = PersonParts.person("p2", parent ? Role.PARENT : Role.OTHER, name)
                .setNhsNumber(PersonParts.nhsNumber(r.getIdentifier(), "RelatedPerson"))
                .setLocalIds(PersonParts.localIds(r.getIdentifier()))
                .setDateOfBirth(PersonParts.birthDate(r.getBirthDateElement(), today, "RelatedPerson"))
                .setSex(PersonParts.sex(r.getGender()))
                .setAddress(PersonParts.address(r.getAddress(), today))
                .build();
        HealthRelatedPerson payload = HealthRelatedPerson.newBuilder()
                .setReference(reference)
                .setRelationship(relationship(r.getRelationship()))
                .setActive(r.hasActive() ? r.getActive() : null)
                .setStart(r.hasPeriod() ? FhirValues.firstDay(r.getPeriod().getStartElement()) : null)
                .setEnd(r.hasPeriod() ? FhirValues.lastDay(r.getPeriod().getEndElement()) : null)
                .build();
        return FhirMapper.record(
                RecordKind.STATE, "health-related-person", List.of(subject.person(), related), payload);
    }

    /** The first relationship code that is a parent's, else the first code, else the first text. */
    private static String relationship(List<CodeableConcept> relationships) {
        String first = null;
        for (CodeableConcept c : relationships) {
            for (var coding : c.getCoding()) {
                String code = FhirValues.text(coding.getCode());
                if (code != null && PARENT_CODES.contains(code)) {
                    return code;
                }
                first = first == null ? code : first;
            }
        }
        if (first != null) {
            return first;
        }
        return relationships.stream()
                .map(FhirValues::writtenText)
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }
}

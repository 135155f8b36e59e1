package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hub.connector.health.schema.HealthEncounter;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;

/**
 * An Encounter as a {@code health-encounter} Event about its patient. What the encounter was is named in the hub's
 * words where early help acts on it: an emergency department attendance (class EMER, now or in the class history as
 * when an attendance became an admission, or a type such as SNOMED CT
 * 4525004 or the words A&amp;E), the Healthy Child Programme's 2-2.5 year review (its SNOMED or local text: "2-2.5",
 * "2 to 2.5 year", "27 month"), an admission (an inpatient class); otherwise the first type's code, as sent.
 */
final class EncounterMapping {

    static final String SNOMED = "http://snomed.info/sct";

    /** SNOMED CT: emergency department patient visit; emergency room admission. */
    private static final Set<String> EMERGENCY_CODES = Set.of("4525004", "50849002");

    private static final List<String> EMERGENCY_WORDS =
            List.of("emergency department", "accident and emergency", "a&e", "a & e");

    private static final List<String> REVIEW_WORDS =
            List.of("2-2.5", "2 - 2.5", "2 to 2.5 year", "2 to 2 and a half year", "27 month", "27-month");

    /** v3 ActCode: inpatient encounter, inpatient acute, inpatient non-acute. */
    private static final Set<String> INPATIENT = Set.of("IMP", "ACUTE", "NONAC");

    private EncounterMapping() {}

    static HubRecord record(Encounter e, FhirReferences references, LocalDate today) {
        String reference = FhirMapper.reference(e, "Encounter.id");
        String status = FhirMapper.required(e.hasStatus() ? e.getStatus().toCode() : null, "Encounter.status");
        String encounterClass = FhirMapper.required(
                e.hasClass_() ? FhirValues.text(e.getClass_().getCode()) : null, "Encounter.class");
        FhirMapper.Subject subject = FhirMapper.subject(e.getSubject(), "Encounter.subject", references, today);
        List<CodeableConcept> types = e.getType();
        HealthEncounter payload = HealthEncounter.newBuilder()
                .setReference(reference)
                .setStatus(status)
                .setEncounterClass(encounterClass)
                .setService(service(encounterClass, throughEmergency(e), types))
                .setTypeText(types.isEmpty() ? null : FhirValues.display(types.get(0)))
                .setStart(e.hasPeriod() ? FhirValues.instant(e.getPeriod().getStartElement()) : null)
                .setEnd(e.hasPeriod() ? FhirValues.instant(e.getPeriod().getEndElement()) : null)
                .setServiceProvider(FhirValues.whom(e.getServiceProvider()))
                .setReasonText(reasonText(e.getReasonCode()))
                .build();
        return FhirMapper.record(RecordKind.EVENT, "health-encounter", List.of(subject.person()), payload);
    }

    /** Whether the class history says the encounter began in the emergency department (then became an admission). */
    static boolean throughEmergency(Encounter e) {
        return e.getClassHistory().stream()
                .anyMatch(h -> "EMER".equals(h.getClass_().getCode()));
    }

    static String service(String encounterClass, boolean throughEmergency, List<CodeableConcept> types) {
        String words = FhirValues.words(types);
        if ("EMER".equals(encounterClass)
                || throughEmergency
                || EMERGENCY_CODES.stream().anyMatch(c -> FhirValues.hasCode(types, SNOMED, c))
                || EMERGENCY_WORDS.stream().anyMatch(words::contains)) {
            return "emergency-department";
        }
        if (REVIEW_WORDS.stream().anyMatch(words::contains)) {
            return "development-review-2-2.5";
        }
        if (INPATIENT.contains(encounterClass)) {
            return "admission";
        }
        for (CodeableConcept t : types) {
            String code = FhirValues.code(t);
            if (code != null) {
                return code;
            }
        }
        return types.stream()
                .map(FhirValues::writtenText)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Every reason as written: the text, else the display; null when none. */
    private static String reasonText(List<CodeableConcept> reasons) {
        String text = reasons.stream()
                .map(FhirValues::writtenText)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }
}

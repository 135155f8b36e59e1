package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.health.schema.HealthSafeguardingFlag;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;

/**
 * A Flag on a patient as a {@code health-safeguarding-flag} State: a child protection plan, looked-after child or
 * domestic abuse concern as the health record shows it. The code is kept as {@code system|code} (the hub does not
 * re-code SNOMED CT), with its display; the author is whom to ask. Flags on anything but a Patient are not the hub's.
 */
final class FlagMapping {

    private FlagMapping() {}

    static HubRecord record(Flag f, FhirReferences references, LocalDate today) {
        String reference = FhirMapper.reference(f, "Flag.id");
        String status = FhirMapper.required(f.hasStatus() ? f.getStatus().toCode() : null, "Flag.status");
        Coding coding = FhirValues.firstCoding(f.getCode()).orElse(null);
        String code = coding != null
                ? (coding.hasSystem() ? coding.getSystem() + "|" : "")
                        + coding.getCode().strip()
                : FhirValues.text(f.getCode().getText());
        FhirMapper.required(code, "Flag.code");
        FhirMapper.Subject subject = FhirMapper.subject(f.getSubject(), "Flag.subject", references, today);
        HealthSafeguardingFlag payload = HealthSafeguardingFlag.newBuilder()
                .setReference(reference)
                .setStatus(status)
                .setCategory(f.getCategory().stream()
                        .map(FhirValues::code)
                        .filter(c -> c != null)
                        .findFirst()
                        .orElse(null))
                .setCode(code)
                .setDescription(FhirValues.display(f.getCode()))
                .setStart(f.hasPeriod() ? FhirValues.firstDay(f.getPeriod().getStartElement()) : null)
                .setEnd(f.hasPeriod() ? FhirValues.lastDay(f.getPeriod().getEndElement()) : null)
                .setAuthor(FhirValues.whom(f.getAuthor()))
                .build();
        return FhirMapper.record(RecordKind.STATE, "health-safeguarding-flag", List.of(subject.person()), payload);
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/**
 * An EpisodeOfCare as the {@code health-involvement} its JSON twin is: the service (health visiting, school nursing,
 * CAMHS recognised by code or words, else the sender's first code or text), since when (required: an involvement
 * with no start cannot be ordered or ended), until when, its status, whom to contact (the care manager, else the
 * team, else the managing organisation) and the sender's reference. An ended episode closes the open involvement
 * relationship (see {@code HealthConnector}).
 */
final class EpisodeMapping {

    private EpisodeMapping() {}

    static HubRecord record(EpisodeOfCare e, FhirReferences references, LocalDate today) {
        String reference = FhirMapper.reference(e, "EpisodeOfCare.id");
        String status = FhirMapper.required(e.hasStatus() ? e.getStatus().toCode() : null, "EpisodeOfCare.status");
        String service = FhirMapper.required(service(e.getType()), "EpisodeOfCare.type");
        LocalDate since = FhirMapper.required(
                e.hasPeriod() ? FhirValues.firstDay(e.getPeriod().getStartElement()) : null,
                "EpisodeOfCare.period.start");
        LocalDate until = e.hasPeriod() ? FhirValues.lastDay(e.getPeriod().getEndElement()) : null;
        if (until != null && until.isBefore(since)) {
            throw new MappingFailure("invariant", "EpisodeOfCare.period", "ends before it starts");
        }
        FhirMapper.Subject subject = FhirMapper.subject(e.getPatient(), "EpisodeOfCare.patient", references, today);
        HealthInvolvement payload = HealthInvolvement.newBuilder()
                .setService(service)
                .setSince(since)
                .setUntil(until)
                .setStatus(status)
                .setTeam(team(e))
                .setReference(reference)
                .build();
        return FhirMapper.record(RecordKind.INVOLVEMENT, "health-involvement", List.of(subject.person()), payload);
    }

    static String service(List<CodeableConcept> types) {
        String words = FhirValues.words(types);
        if (words.contains("health visit")) {
            return "health-visiting";
        }
        if (words.contains("school nurs")) {
            return "school-nursing";
        }
        if (words.contains("camhs") || words.contains("child and adolescent mental health")) {
            return "camhs";
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

    private static String team(EpisodeOfCare e) {
        String manager = FhirValues.whom(e.getCareManager());
        if (manager != null) {
            return manager;
        }
        String team = e.getTeam().stream()
                .map(FhirValues::whom)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return team != null ? team : FhirValues.whom(e.getManagingOrganization());
    }
}

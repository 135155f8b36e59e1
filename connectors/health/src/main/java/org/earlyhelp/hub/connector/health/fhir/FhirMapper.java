package org.earlyhelp.hub.connector.health.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.earlyhelp.hub.connector.health.HealthConnector;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resources to the hub: a Patient, Encounter, EpisodeOfCare, Flag or RelatedPerson becomes canonical records, a
 * Consent a consent statement, and anything else or anything that cannot be mapped a rejection with its reasons. It
 * never throws: a resource that breaks an assumption of the mapping is rejected as an {@code exception}, with no text
 * from the exception (which might quote the resource). A resource that points at its patient is mapped only when that
 * Patient, resolved by {@link FhirReferences}, maps itself: a record whose person the hub cannot match would be kept
 * about no one. Ages (CHILD under 18, Gillick competence under 16) and plausible dates are by the clock's today.
 */
public final class FhirMapper {

    private final Clock clock;

    public FhirMapper() {
        this(Clock.systemUTC());
    }

    public FhirMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FhirOutcome map(IBaseResource resource, FhirReferences references) {
        String key;
        try {
            key = versionKey(resource);
        } catch (RuntimeException e) {
            key = "unknown/" + System.identityHashCode(resource);
        }
        try {
            LocalDate today = LocalDate.now(clock);
            FhirReferences refs = references == null ? FhirReferences.none() : references;
            if (resource instanceof Patient p) {
                return new FhirOutcome.Records(key, List.of(PatientMapping.record(p, today)));
            } else if (resource instanceof Encounter e) {
                return new FhirOutcome.Records(key, List.of(EncounterMapping.record(e, refs, today)));
            } else if (resource instanceof EpisodeOfCare e) {
                return new FhirOutcome.Records(key, List.of(EpisodeMapping.record(e, refs, today)));
            } else if (resource instanceof Flag f) {
                return new FhirOutcome.Records(key, List.of(FlagMapping.record(f, refs, today)));
            } else if (resource instanceof RelatedPerson r) {
                return new FhirOutcome.Records(key, List.of(RelatedPersonMapping.record(r, refs, today)));
            } else if (resource instanceof Consent c) {
                return new FhirOutcome.Consent(key, ConsentMapping.statement(c, refs, today));
            }
            String type = resource == null ? null : resource.fhirType();
            return new FhirOutcome.Rejected(
                    key,
                    List.of(new FhirProblem(
                            "not-supported",
                            type,
                            "the hub maps Patient, Encounter, EpisodeOfCare, Flag, RelatedPerson and Consent only")));
        } catch (MappingFailure f) {
            return new FhirOutcome.Rejected(key, f.problems());
        } catch (RuntimeException | StackOverflowError e) {
            return new FhirOutcome.Rejected(
                    key, List.of(new FhirProblem("exception", null, "the resource could not be mapped")));
        }
    }

    /** As {@link FhirOutcome#versionKey()} documents it. */
    static String versionKey(IBaseResource resource) {
        if (resource == null) {
            return "none/sha256:" + sha256("");
        }
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        String version = resource.getMeta() == null ? null : resource.getMeta().getVersionId();
        if (version == null) {
            version = resource.getIdElement().getVersionIdPart();
        }
        if (FhirValues.text(id) != null && FhirValues.text(version) != null) {
            return type + "/" + id + "/_history/" + version;
        }
        return type + "/sha256:" + sha256(FhirJson.encode(resource));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    /** The patient a resource points at, resolved and mapped as a person; who it is and what it is called there. */
    record Subject(String reference, Patient patient, Person person) {}

    static Subject subject(Reference reference, String path, FhirReferences references, LocalDate today) {
        String ref = reference == null ? null : FhirValues.text(reference.getReference());
        if (ref == null) {
            throw new MappingFailure("required", path, "must refer to the Patient it is about");
        }
        if (reference.hasType() && !"Patient".equals(reference.getType())) {
            throw new MappingFailure("not-supported", path, "refers to something other than a Patient");
        }
        Optional<Patient> found;
        if (reference.getResource() instanceof Patient contained) {
            found = Optional.of(contained);
        } else {
            found = references.patient(ref);
        }
        if (found == null || found.isEmpty()) {
            throw new MappingFailure("not-found", path, "refers to a Patient the hub cannot find");
        }
        try {
            return new Subject(ref, found.get(), PatientMapping.person(found.get(), "p1", today));
        } catch (MappingFailure f) {
            List<FhirProblem> problems = new ArrayList<>();
            problems.add(new FhirProblem("business-rule", path, "refers to a Patient the hub cannot map"));
            problems.addAll(f.problems());
            throw new MappingFailure(problems);
        }
    }

    static <T> T required(T value, String path) {
        if (value == null) {
            throw new MappingFailure("required", path, "is required");
        }
        return value;
    }

    /** A canonical record with the intake's placeholders: id {@code pending}, received at the epoch. */
    static HubRecord record(RecordKind kind, String type, List<Person> people, SpecificRecord payload) {
        return HubRecord.newBuilder()
                .setRecordId("pending")
                .setKind(kind)
                .setType(type)
                .setProvider(HealthConnector.PARTNER)
                .setReceivedAt(Instant.EPOCH)
                .setPeople(people)
                .setPayload(Payloads.encode(payload))
                .build();
    }

    static String reference(Resource resource, String path) {
        return required(FhirValues.reference(resource), path);
    }
}

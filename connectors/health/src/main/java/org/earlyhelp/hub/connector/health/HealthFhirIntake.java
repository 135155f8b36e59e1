package org.earlyhelp.hub.connector.health;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.IntakeDeadLetters;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.connector.health.fhir.FhirOutcome;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.schema.HubRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;

/**
 * The one way a FHIR resource enters the hub, polled or pushed: mapped by {@link FhirMapper}, its records handed to
 * the hub's {@link RecordIntake} under the resource version's key (so a resource seen twice, on any instance, is one
 * record), a Consent recorded in the consent register against the sender's own record of the patient, and whatever
 * parses but cannot be mapped dead-lettered with its reasons. Returns only once what it answers is stored.
 */
public final class HealthFhirIntake {

    private final FhirMapper mapper;
    private final RecordIntake intake;
    private final IntakeDeadLetters deadLetters;
    private final Optional<HealthConsents> consents;
    private final PartnerMetrics metrics;

    HealthFhirIntake(
            FhirMapper mapper,
            RecordIntake intake,
            IntakeDeadLetters deadLetters,
            Optional<HealthConsents> consents,
            PartnerMetrics metrics) {
        this.mapper = mapper;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.consents = consents;
        this.metrics = metrics;
    }

    /** What became of one resource. */
    public sealed interface Taken {
        /** Stored as these hub records ({@code replay}: every one of them was stored before). */
        record Stored(List<String> recordIds, boolean replay) implements Taken {}

        /** Recorded as a governed consent event. */
        record ConsentRecorded(String consentId) implements Taken {}

        /** Parsed but not mapped, or refused the same way every time: dead-lettered with these reasons. */
        record DeadLettered(List<FhirProblem> problems) implements Taken {}
    }

    /** Maps without storing: what a transaction Bundle checks for every entry before it stores any. */
    public FhirOutcome map(IBaseResource resource, FhirReferences references) {
        return mapper.map(resource, references);
    }

    /**
     * Stores one resource.
     *
     * @throws org.earlyhelp.hub.connector.api.RequestRejected 409 or 503 when it was not stored: try again
     * @throws HealthFhirException.NotYet when a consent's patient is not in the person index yet: try again later
     */
    public Taken take(Organisation sender, IBaseResource resource, FhirReferences references) throws Exception {
        return take(sender, resource, references, mapper.map(resource, references));
    }

    /** Stores one resource already mapped (by {@link #map}). */
    public Taken take(Organisation sender, IBaseResource resource, FhirReferences references, FhirOutcome mapped)
            throws Exception {
        if (mapped instanceof FhirOutcome.Records r) {
            return store(sender, r);
        }
        if (mapped instanceof FhirOutcome.Consent c) {
            return consent(sender, resource, references, c);
        }
        FhirOutcome.Rejected rejected = (FhirOutcome.Rejected) mapped;
        return deadLetter(sender, resource, rejected.versionKey(), rejected.problems());
    }

    private Taken.Stored store(Organisation sender, FhirOutcome.Records r) {
        List<String> ids = new ArrayList<>();
        boolean replay = true;
        for (int i = 0; i < r.records().size(); i++) {
            HubRecord template = r.records().get(i);
            String key = i == 0 ? r.versionKey() : r.versionKey() + "#" + i;
            RecordIntake.Accepted accepted = intake.accept(
                    sender, List.of(new IdempotentIntake.Key("fhir", key)), (id, at) -> HubRecord.newBuilder(template)
                            .setRecordId(id)
                            .setReceivedAt(at)
                            .build());
            ids.add(accepted.recordId());
            replay &= accepted.replay();
            if (!accepted.replay()) {
                metrics.received();
            }
        }
        return new Taken.Stored(ids, replay);
    }

    private Taken consent(Organisation sender, IBaseResource resource, FhirReferences references, FhirOutcome.Consent c)
            throws Exception {
        if (consents.isEmpty()) {
            return deadLetter(
                    sender,
                    resource,
                    c.versionKey(),
                    List.of(new FhirProblem("not-supported", "Consent", "this hub records no consent from FHIR")));
        }
        // the consent attaches to the sender's own record of the patient: store (or find) that first
        Optional<Patient> patient = references.patient(c.statement().patientReference());
        FhirOutcome patientOutcome = patient.isEmpty() ? null : mapper.map(patient.get(), references);
        if (!(patientOutcome instanceof FhirOutcome.Records patientRecords)) {
            return deadLetter(
                    sender,
                    resource,
                    c.versionKey(),
                    List.of(new FhirProblem(
                            "business-rule", "Consent.patient", "the consent's patient cannot be mapped to a person")));
        }
        Taken.Stored stored = store(sender, patientRecords);
        java.util.UUID consentId = java.util.UUID.nameUUIDFromBytes(
                ("fhir-consent\n" + sender + "\n" + c.versionKey()).getBytes(StandardCharsets.UTF_8));
        HealthConsents.Result result =
                consents.get().record(sender, stored.recordIds().get(0), "p1", c.statement(), consentId);
        if (result instanceof HealthConsents.Result.Recorded recorded) {
            return new Taken.ConsentRecorded(recorded.consentId());
        }
        if (result instanceof HealthConsents.Result.NotYet notYet) {
            throw new HealthFhirException.NotYet(notYet.reason());
        }
        return deadLetter(
                sender,
                resource,
                c.versionKey(),
                List.of(new FhirProblem(
                        "business-rule", "Consent", ((HealthConsents.Result.Refused) result).reason())));
    }

    /**
     * Dead-letters a resource that has not been taken for too long the same way (a consent whose patient never
     * reaches the person index), so it stops holding back what follows it.
     */
    public Taken.DeadLettered giveUp(Organisation sender, IBaseResource resource, String reason) throws Exception {
        return deadLetter(
                sender,
                resource,
                historyKey(resource, "given-up"),
                List.of(new FhirProblem("transient", null, reason)));
    }

    /**
     * Dead-letters a polled resource that is not strictly valid R4, exactly as the server sent it, with its problems.
     *
     * @param leniently the resource as a lenient parse read it, for its type, id and version
     */
    public Taken.DeadLettered refuse(
            Organisation sender, IBaseResource leniently, String json, List<FhirProblem> problems) throws Exception {
        String key = historyKey(leniently, "refused");
        if (writeDeadLetter(sender, key, json.getBytes(StandardCharsets.UTF_8), problems)) {
            metrics.rejected();
        }
        return new Taken.DeadLettered(problems);
    }

    private Taken.DeadLettered deadLetter(
            Organisation sender, IBaseResource resource, String versionKey, List<FhirProblem> problems)
            throws Exception {
        byte[] raw = FhirJson.encode(resource).getBytes(StandardCharsets.UTF_8);
        if (writeDeadLetter(sender, versionKey, raw, problems)) {
            metrics.rejected();
        }
        return new Taken.DeadLettered(problems);
    }

    /**
     * Claimed under the resource version (a re-poll or a re-push writes it once), keyed by a digest of the sender and
     * the version, so the Kafka key holds no identifier.
     */
    private boolean writeDeadLetter(Organisation sender, String versionKey, byte[] raw, List<FhirProblem> problems)
            throws Exception {
        String letterId = java.util.HexFormat.of()
                .formatHex(IdempotentIntake.fingerprint((sender + "\n" + versionKey).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
        return deadLetters.write(
                sender, new IdempotentIntake.Key("fhir", "dead-letter:" + versionKey), letterId, raw, reason(problems));
    }

    /** {@code <type>/<id>/_history/<version>}, or {@code <type>/<otherwise>} for a resource without an id. */
    private static String historyKey(IBaseResource resource, String otherwise) {
        return resource.getIdElement().hasIdPart()
                ? resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/"
                        + resource.getMeta().getVersionId()
                : resource.fhirType() + "/" + otherwise;
    }

    /** The dead-letter reason: codes, paths and the mapper's own wording, which never repeats a value. */
    static String reason(List<FhirProblem> problems) {
        return problems.stream()
                .map(p -> p.code() + (p.expression() == null ? "" : " at " + p.expression()) + ": " + p.diagnostics())
                .collect(Collectors.joining("; "));
    }
}

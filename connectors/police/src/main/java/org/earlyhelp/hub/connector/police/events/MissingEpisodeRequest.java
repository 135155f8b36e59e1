package org.earlyhelp.hub.connector.police.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.police.PoliceConnector;
import org.earlyhelp.hub.connector.police.schema.MissingEpisode;
import org.earlyhelp.hub.connector.police.schema.MissingEvent;
import org.earlyhelp.hub.connector.police.schema.MissingRisk;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * One step of a missing episode as the force sends it: the child reported missing, found, or offered the return
 * interview (statutory guidance: within 72 hours of return). The steps share the episode's reference.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MissingEpisodeRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = PoliceFields.REFERENCE, message = PoliceFields.REFERENCE_MESSAGE)
                String reference,
        @NotNull
                @Pattern(
                        regexp = "REPORTED_MISSING|FOUND|RETURN_INTERVIEW_OFFERED",
                        message = "must be REPORTED_MISSING, FOUND or RETURN_INTERVIEW_OFFERED")
                String event,
        @NotNull OffsetDateTime occurredAt,
        @Pattern(
                        regexp = "NO_APPARENT_RISK|LOW|MEDIUM|HIGH|UNKNOWN",
                        message = "must be NO_APPARENT_RISK, LOW, MEDIUM, HIGH or UNKNOWN")
                String riskLevel,
        @Pattern(regexp = PoliceFields.POSTCODE, message = PoliceFields.POSTCODE_MESSAGE) String locationPostcode,
        @Size(max = 4000) String officerNotes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
        implements PoliceEventRequest {

    public static final String TYPE = "missing-episode";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public IdempotentIntake.Key key() {
        return IdempotentIntake.referenceKey("reference", TYPE + "/" + event + "/" + reference);
    }

    @Override
    public HubRecord toRecord(String recordId, Instant receivedAt) {
        MissingEpisode payload = MissingEpisode.newBuilder()
                .setReference(reference)
                .setEvent(MissingEvent.valueOf(event))
                .setOccurredAt(occurredAt.toInstant())
                .setRiskLevel(riskLevel == null ? null : MissingRisk.valueOf(riskLevel))
                .setLocationPostcode(PoliceFields.postcode(locationPostcode))
                .setChild(children())
                .setOfficerNotes(officerNotes)
                .build();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.EVENT)
                .setType(TYPE)
                .setProvider(PoliceConnector.PARTNER)
                .setReceivedAt(receivedAt)
                .setPeople(PoliceFields.people(people))
                .setPayload(Payloads.encode(payload))
                .setWithheld(WithheldInput.toAvro(withheld))
                .build();
    }
}

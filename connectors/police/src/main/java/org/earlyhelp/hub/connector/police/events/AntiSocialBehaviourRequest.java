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
import org.earlyhelp.hub.connector.police.PoliceConnector;
import org.earlyhelp.hub.connector.police.schema.AntiSocialBehaviour;
import org.earlyhelp.hub.connector.police.schema.AsbAction;
import org.earlyhelp.hub.connector.police.schema.AsbCategory;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * An anti-social behaviour incident involving children, in the national standard's three categories, with the
 * action taken (a warning letter, an acceptable behaviour contract, a community protection warning or notice, ...).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AntiSocialBehaviourRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = PoliceFields.REFERENCE, message = PoliceFields.REFERENCE_MESSAGE)
                String reference,
        @NotNull OffsetDateTime occurredAt,
        @NotNull
                @Pattern(
                        regexp = "PERSONAL|NUISANCE|ENVIRONMENTAL",
                        message = "must be PERSONAL, NUISANCE or ENVIRONMENTAL")
                String category,
        @Pattern(
                        regexp = "NONE|WARNING_LETTER|ACCEPTABLE_BEHAVIOUR_CONTRACT|COMMUNITY_PROTECTION_WARNING"
                                + "|COMMUNITY_PROTECTION_NOTICE|CIVIL_INJUNCTION|CRIMINAL_BEHAVIOUR_ORDER|OTHER",
                        message = "must be NONE, WARNING_LETTER, ACCEPTABLE_BEHAVIOUR_CONTRACT,"
                                + " COMMUNITY_PROTECTION_WARNING, COMMUNITY_PROTECTION_NOTICE, CIVIL_INJUNCTION,"
                                + " CRIMINAL_BEHAVIOUR_ORDER or OTHER")
                String action,
        @Pattern(regexp = PoliceFields.POSTCODE, message = PoliceFields.POSTCODE_MESSAGE) String locationPostcode,
        @Size(max = 4000) String officerNotes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
        implements PoliceEventRequest {

    public static final String TYPE = "anti-social-behaviour";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public HubRecord toRecord(String recordId, Instant receivedAt) {
        AntiSocialBehaviour payload = AntiSocialBehaviour.newBuilder()
                .setReference(reference)
                .setOccurredAt(occurredAt.toInstant())
                .setCategory(AsbCategory.valueOf(category))
                .setAction(action == null ? null : AsbAction.valueOf(action))
                .setLocationPostcode(PoliceFields.postcode(locationPostcode))
                .setInvolved(children())
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

package org.earlyhelp.hub.connector.police.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.police.PoliceConnector;
import org.earlyhelp.hub.connector.police.schema.YouthOffending;
import org.earlyhelp.hub.connector.police.schema.YouthOutcome;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * The outcome for one child who offended (from no further action through out-of-court disposals to a court order),
 * and the youth justice service's involvement with the child it starts, where there is one. Exactly one child.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record YouthOffendingRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = PoliceFields.REFERENCE, message = PoliceFields.REFERENCE_MESSAGE)
                String reference,
        @NotNull OffsetDateTime occurredAt,
        @NotNull
                @Pattern(
                        regexp = "NO_FURTHER_ACTION|COMMUNITY_RESOLUTION|OUTCOME_22|YOUTH_CAUTION"
                                + "|YOUTH_CONDITIONAL_CAUTION|CHARGED|REFERRAL_ORDER|YOUTH_REHABILITATION_ORDER"
                                + "|DETENTION_AND_TRAINING_ORDER|OTHER",
                        message = "must be NO_FURTHER_ACTION, COMMUNITY_RESOLUTION, OUTCOME_22, YOUTH_CAUTION,"
                                + " YOUTH_CONDITIONAL_CAUTION, CHARGED, REFERRAL_ORDER, YOUTH_REHABILITATION_ORDER,"
                                + " DETENTION_AND_TRAINING_ORDER or OTHER")
                String outcome,
        @Pattern(regexp = "[a-z][a-z-]{0,63}", message = "must be a lower-case offence group such as theft-offences")
                String offenceGroup,
        @Valid YouthJustice youthJustice,
        @Size(max = 4000) String officerNotes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
        @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
        implements PoliceEventRequest {

    public static final String TYPE = "youth-offending";

    /** The youth justice service team now working with the child, and since when. */
    public record YouthJustice(@NotBlank @Size(max = 200) String team, @NotNull @PastOrPresent LocalDate since) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<FieldError> ownProblems() {
        return children().size() > 1
                ? List.of(new FieldError("people", "must include exactly one CHILD: send one outcome per child"))
                : List.of();
    }

    @Override
    public HubRecord toRecord(String recordId, Instant receivedAt) {
        YouthOffending payload = YouthOffending.newBuilder()
                .setReference(reference)
                .setOccurredAt(occurredAt.toInstant())
                .setOutcome(YouthOutcome.valueOf(outcome))
                .setOffenceGroup(offenceGroup)
                .setYouthJusticeTeam(
                        youthJustice == null ? null : youthJustice.team().strip())
                .setYouthJusticeSince(youthJustice == null ? null : youthJustice.since())
                .setYoungPerson(children())
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

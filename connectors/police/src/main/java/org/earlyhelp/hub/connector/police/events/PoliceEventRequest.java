package org.earlyhelp.hub.connector.police.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * What every police event the force sends has: its own reference, when it happened, the people it is about (the
 * children as {@code CHILD}) in the shared person shape. Each knows its own key, checks and mapping, so the HTTP
 * endpoints and the CSV extract treat all of them alike.
 */
public sealed interface PoliceEventRequest
        permits MissingEpisodeRequest, AntiSocialBehaviourRequest, YouthOffendingRequest {

    String reference();

    OffsetDateTime occurredAt();

    List<PersonInput> people();

    /** What the force withholds as more detrimental to the child (none when absent, as in a CSV extract). */
    List<WithheldInput> withheld();

    /** The registered payload type ({@code hub.type}) the event maps to. */
    String type();

    /**
     * The force's own key for the record: the payload type and the reference (and the step, for a missing episode,
     * whose reported, found and interview events share one reference), so a retried post or a re-read extract row
     * is the same record, on any hub instance.
     */
    default IdempotentIntake.Key key() {
        return IdempotentIntake.referenceKey("reference", type() + "/" + reference());
    }

    /** What only this kind of event must satisfy (the shared checks are {@link PoliceEventChecks}). */
    default List<FieldError> ownProblems() {
        return List.of();
    }

    /** The canonical record, under the hub's id and arrival time. */
    HubRecord toRecord(String recordId, Instant receivedAt);

    /** Refs of the children the event is about: its subjects, as the payload lists them. */
    default List<String> children() {
        return people().stream()
                .filter(p -> "CHILD".equals(p.role()))
                .map(PersonInput::ref)
                .toList();
    }
}

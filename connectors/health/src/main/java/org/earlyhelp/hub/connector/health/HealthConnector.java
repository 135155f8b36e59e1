package org.earlyhelp.hub.connector.health;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.health.schema.HealthEncounter;
import org.earlyhelp.hub.connector.health.schema.HealthPatient;
import org.earlyhelp.hub.connector.health.schema.HealthRelatedPerson;
import org.earlyhelp.hub.connector.health.schema.HealthSafeguardingFlag;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;

/**
 * Health as the hub sees it: involvements (posted JSON or FHIR EpisodeOfCare), patients, encounters, safeguarding
 * flags and related people (FHIR R4, polled and pushed, mapped by {@code fhir.FhirMapper}) in; notifications out as
 * FHIR Communications about the patient, by NHS number.
 */
public final class HealthConnector implements Connector {

    public static final String PARTNER = "health";

    /** The relationship health asserts between a parent and a child patient (FHIR RelatedPerson's meaning). */
    static final String RELATED_PERSON_OF = "RELATED_PERSON_OF";

    @Override
    public String partner() {
        return PARTNER;
    }

    /** The hub's FHIR R4 endpoint: health systems push there ({@code $person-info-query} has its own rule). */
    @Override
    public List<String> endpoints() {
        return List.of(HealthFhirConfiguration.FHIR_PATH, HealthFhirConfiguration.FHIR_PATH + "/**");
    }

    /**
     * The involvement (posted as the hub's JSON or from a FHIR EpisodeOfCare) with its first version kept readable, and
     * the four types only FHIR brings: patient, encounter, safeguarding flag, related person.
     */
    @Override
    public List<RecordType> recordTypes() {
        return List.of(
                new RecordType(HealthPayloads.INVOLVEMENT, RecordKind.INVOLVEMENT, Set.of(PARTNER)),
                RecordType.of(HealthPatient.getClassSchema(), RecordKind.STATE, PARTNER),
                RecordType.of(HealthEncounter.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(HealthSafeguardingFlag.getClassSchema(), RecordKind.STATE, PARTNER),
                RecordType.of(HealthRelatedPerson.getClassSchema(), RecordKind.STATE, PARTNER));
    }

    /**
     * Health always receives what agreements allow, as FHIR Communications at its server ({@code
     * hub.connectors.health.fhir.base-url}); while no base is configured the disclosures wait on {@code
     * hub.outbound.health}, nothing lost. Addressed to health as a whole: the patient is named by NHS number.
     */
    @Override
    public Optional<Outbound> outbound() {
        return Optional.of(new Outbound(RecipientAddressing.wholePartner(PARTNER), FailureClassifier.standard()));
    }

    @Override
    public RelationshipSource relationships() {
        return HealthConnector::involvement;
    }

    @Override
    public Set<RelationshipKind> establishes() {
        return Set.of(RelationshipKind.OPEN_INVOLVEMENT);
    }

    /**
     * A health involvement with a named team is an open involvement with everyone in the record. One from a FHIR
     * EpisodeOfCare whose end ({@code until}) is on or before the day the hub received it closes the involvement with
     * everyone in it, named team or not: the service has stopped working with them, and a pull must no longer rest on
     * it. An end still to come leaves it open (the next version of the episode ends it).
     */
    static List<RelationshipAssertion> involvement(HubRecord record, GenericRecord payload) {
        if (!(payload instanceof HealthInvolvement h)) {
            return List.of();
        }
        LocalDate received = LocalDate.ofInstant(record.getReceivedAt(), ZoneOffset.UTC);
        boolean fromEpisode = h.getReference() != null && h.getReference().startsWith("EpisodeOfCare/");
        boolean ended = fromEpisode && h.getUntil() != null && !h.getUntil().isAfter(received);
        if (!ended && !RelationshipRules.named(h.getTeam())) {
            return List.of();
        }
        return record.getPeople().stream()
                .map(p -> RelationshipRules.assertion(record, RelationshipKind.OPEN_INVOLVEMENT, p, null, ended))
                .toList();
    }

    @Override
    public PersonLinks personLinks() {
        // health's related people for a patient, as FHIR RelatedPerson (a health-related-person record: the patient
        // and the related person) or as posted JSON: each parent is related to each child in the record
        return (record, payload) -> {
            List<PersonLinks.Link> links = new ArrayList<>();
            for (Person parent : record.getPeople()) {
                if (parent.getRole() == Role.PARENT) {
                    for (Person child : record.getPeople()) {
                        if (child.getRole() == Role.CHILD) {
                            links.add(new PersonLinks.Link(parent.getRef(), child.getRef(), RELATED_PERSON_OF));
                        }
                    }
                }
            }
            return links;
        };
    }
}

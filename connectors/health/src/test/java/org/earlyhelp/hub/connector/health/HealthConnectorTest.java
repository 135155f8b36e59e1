package org.earlyhelp.hub.connector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.connector.health.fhir.FhirOutcome;
import org.earlyhelp.hub.connector.health.fhir.UkFhir;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.PayloadTypes;
import org.junit.jupiter.api.Test;

class HealthConnectorTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Connectors CONNECTORS = new Connectors(List.of(new HealthConnector()));
    private static final PayloadTypes PAYLOADS = CONNECTORS.payloadTypes();
    private static final RelationshipRules RULES = new RelationshipRules(CONNECTORS.relationships());

    /** A FHIR resource as the intake would store it: id and time set, from the sender's organisation. */
    private static HubRecord received(String json) {
        FhirOutcome outcome = new FhirMapper(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC))
                .map(FhirJson.parse(json), UkFhir.patients());
        HubRecord r = ((FhirOutcome.Records) outcome).records().get(0);
        HubRecord stored =
                HubRecord.newBuilder(r).setRecordId("rec-1").setReceivedAt(AT).build();
        stored.setProviderOrganisation("health:RFS");
        return stored;
    }

    private static List<RelationshipAssertion> relationships(HubRecord r) {
        return RULES.of(r, PAYLOADS.decode(r.getType(), r.getPayload()));
    }

    @Test
    void registersTheFiveTypesWithTheInvolvementsFirstVersionKept() {
        List<RecordType> types = new HealthConnector().recordTypes();
        assertThat(types)
                .extracting(RecordType::type)
                .containsExactly(
                        "health-involvement",
                        "health-patient",
                        "health-encounter",
                        "health-safeguarding-flag",
                        "health-related-person");
        assertThat(types)
                .extracting(RecordType::kind)
                .containsExactly(
                        RecordKind.INVOLVEMENT, RecordKind.STATE, RecordKind.EVENT, RecordKind.STATE, RecordKind.STATE);
        assertThat(types.get(0).payload().olderSchemas()).containsExactly(HealthPayloads.INVOLVEMENT_V1);
        assertThat(types).allSatisfy(t -> assertThat(t.providers()).containsExactly("health"));
    }

    @Test
    void anOpenEpisodeWithATeamOpensTheInvolvementAndAnEndedOneClosesIt() {
        assertThat(relationships(received(UkFhir.HEALTH_VISITING)))
                .singleElement()
                .satisfies(a -> assertThat(a.closing()).isFalse());
        String ended = UkFhir.HEALTH_VISITING.replace(
                "\"start\": \"2022-03-24\"", "\"start\": \"2022-03-24\", \"end\": \"2026-12-01\"");
        assertThat(relationships(received(ended))).singleElement().satisfies(a -> assertThat(a.closing())
                .isTrue());
        String noTeamEnded = ended.replace(
                        ",\n \"team\": [{\"display\": \"Chesterfield North Health Visiting Team\"}]", "")
                .replace("\"managingOrganization\": {\"display\": \"Derbyshire Community Health Services\"},", "");
        assertThat(noTeamEnded).doesNotContain("team", "managingOrganization");
        assertThat(relationships(received(noTeamEnded))).singleElement().satisfies(a -> assertThat(a.closing())
                .isTrue());
        String endsLater = ended.replace("2026-12-01", "2026-12-02");
        assertThat(relationships(received(endsLater))).singleElement().satisfies(a -> assertThat(a.closing())
                .isFalse());
    }

    @Test
    void aPostedInvolvementStillOpensWithATeamAndAnEndNeverClosesOne() {
        PersonInput child = new PersonInput(
                "c1", "CHILD", "Olivia", "Hartley", LocalDate.of(2022, 3, 14), null, null, null, null, null, null);
        HubRecord posted = HealthRecordsController.toRecord(
                new HealthInvolvementRequest(
                        null,
                        List.of(child),
                        new HealthInvolvementRequest.Involvement(
                                "health-visiting", LocalDate.of(2022, 3, 24), "North HV Team", null),
                        null),
                "rec-2",
                AT);
        posted.setProviderOrganisation("health:RFS");
        assertThat(relationships(posted)).singleElement().satisfies(a -> assertThat(a.closing())
                .isFalse());
        HealthInvolvement decoded = PAYLOADS.decode(posted.getType(), posted.getPayload(), HealthInvolvement.class);
        assertThat(decoded.getReference()).isNull();
    }

    @Test
    void aRelatedMotherIsLinkedToTheChildAndNothingElseLinks() {
        HubRecord mother = received(UkFhir.MOTHER);
        PersonLinks links = new HealthConnector().personLinks();
        assertThat(links.of(mother, PAYLOADS.decode(mother.getType(), mother.getPayload())))
                .containsExactly(new PersonLinks.Link("p2", "p1", HealthConnector.RELATED_PERSON_OF));
        HubRecord patient = received(UkFhir.CHILD);
        assertThat(links.of(patient, PAYLOADS.decode(patient.getType(), patient.getPayload())))
                .isEmpty();
        assertThat(relationships(patient)).isEmpty();
        HubRecord flag = received(UkFhir.FLAG);
        assertThat(relationships(flag)).isEmpty();
    }
}

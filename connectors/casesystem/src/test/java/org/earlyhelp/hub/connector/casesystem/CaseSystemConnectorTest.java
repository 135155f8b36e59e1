package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.payload.PayloadTypes;
import org.earlyhelp.hub.schema.payload.Payloads;
import org.junit.jupiter.api.Test;

/** What the case system's connector tells the hub: types, relationships, person links, addressing. */
class CaseSystemConnectorTest {

    final CaseSystemConnector connector = new CaseSystemConnector();

    @Test
    void itIsFoundOnTheClasspathWithItsThreeRecordTypesAndTheAgreedPrefixes() {
        Connectors found = Connectors.discover();
        assertThat(found.all()).anyMatch(c -> c instanceof CaseSystemConnector);
        assertThat(connector.recordTypes())
                .extracting(RecordType::type, t -> t.payload().prefix())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("case-involvement", "case"),
                        org.assertj.core.groups.Tuple.tuple("case-referral", "referral"),
                        org.assertj.core.groups.Tuple.tuple("early-help-assessment", "assessment"));
        assertThat(connector.establishes()).containsExactly(RelationshipKind.OPEN_INVOLVEMENT);
        assertThat(found.facts().delivering()).contains("casesystem");
    }

    @Test
    void anOpenInvolvementWithANamedLeadPractitionerIsAnOpenInvolvementWithEveryoneInIt() {
        HubRecord record = record("involvement-open.json");
        List<RelationshipAssertion> assertions = connector.relationships().of(record, payload(record));
        assertThat(assertions).hasSize(3).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(RelationshipKind.OPEN_INVOLVEMENT);
            assertThat(a.closing()).isFalse();
            assertThat(a.organisation()).isEqualTo("casesystem:early-help-north");
        });
    }

    @Test
    void withoutANamedLeadPractitionerAnOpenInvolvementEstablishesNothing() {
        for (String practitioner : List.of("\" x \"", "\"   \"", "null")) {
            HubRecord record = record(
                    Samples.text("involvement-open.json").replace("\" Family Support Team North \"", practitioner));
            assertThat(connector.relationships().of(record, payload(record))).isEmpty();
        }
    }

    @Test
    void aClosedInvolvementEndsTheRelationshipWithoutALeadPractitioner() {
        HubRecord record = record("involvement-closed.json");
        assertThat(connector.relationships().of(record, payload(record)))
                .singleElement()
                .satisfies(a -> assertThat(a.closing()).isTrue());
    }

    @Test
    void referralsAndAssessmentsEstablishNoRelationshipAndLinkNobody() {
        CaseSystemReferralRequest in = Samples.referral(Samples.text("referral-step-up.json"));
        HubRecord record = stamp(CaseSystemReferralMapper.toRecord(in, "r-9", Instant.EPOCH));
        GenericRecord payload = CaseSystemMappingTest.TYPES.decode(record.getType(), record.getPayload());
        assertThat(connector.relationships().of(record, payload)).isEmpty();
        assertThat(connector.personLinks().of(record, payload)).isEmpty();
    }

    @Test
    void theInvolvementsRecordedRelationshipsAreItsPersonLinks() {
        HubRecord record = record("involvement-open.json");
        assertThat(connector.personLinks().of(record, payload(record)))
                .containsExactly(
                        new PersonLinks.Link("m", "c", "PARENT_OF"),
                        new PersonLinks.Link("m", "s", "PARENT_OF"),
                        new PersonLinks.Link("c", "s", "SIBLING_OF"));
    }

    @Test
    void aDisclosureGoesToTheWholePartnerItsFrontDoor() {
        HubRecord record = record("involvement-open.json");
        assertThat(connector
                        .outbound()
                        .orElseThrow()
                        .addressing()
                        .address(record, record.getPeople().get(0))
                        .recipient())
                .isEqualTo(Recipient.partner("casesystem"));
    }

    @Test
    void theFirstSchemaVersionIsTheOneHubRecordV4CarriedAndItsPayloadsReadForward() throws Exception {
        // Given the CaseInvolvement branch of the last union record (HubRecord v4), as written before this connector
        Schema v4 = new Schema.Parser().parse(resource("/registry/HubRecord/v4.avsc"));
        Schema branch = v4.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals("CaseInvolvement"))
                .findFirst()
                .orElseThrow();
        assertThat(SchemaNormalization.parsingFingerprint64(CaseSystemPayloads.INVOLVEMENT_V1))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(branch));
        assertThat(org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(
                                CaseInvolvement.getClassSchema(), CaseSystemPayloads.INVOLVEMENT_V1)
                        .getType())
                .isEqualTo(org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        // When a payload written with it is read through the registered type
        GenericData.Record old = new GenericData.Record(CaseSystemPayloads.INVOLVEMENT_V1);
        old.put("caseType", "early-help");
        old.put("status", "open");
        old.put("openedOn", (int) LocalDate.of(2026, 1, 5).toEpochDay());
        old.put("leadPractitioner", "Team North");
        old.put("relationships", List.of());
        ByteBuffer bytes = Payloads.encode(old);
        PayloadTypes types = PayloadTypes.of(List.of(CaseSystemPayloads.INVOLVEMENT));
        CaseInvolvement now = types.decode("case-involvement", bytes, CaseInvolvement.class);
        // Then it is the current class, with no level of need and no closing date
        assertThat(now.getLeadPractitioner()).isEqualTo("Team North");
        assertThat(now.getLevelOfNeed()).isNull();
        assertThat(now.getClosedOn()).isNull();
    }

    static HubRecord record(String sample) {
        String body = sample.endsWith(".json") ? Samples.text(sample) : sample;
        CaseSystemInvolvementRequest in = Samples.involvement(body);
        return stamp(CaseSystemInvolvementMapper.toRecord(
                in.people().stream().map(PersonInput::toAvro).toList(), in.caseInvolvement(), "r-1", Instant.EPOCH));
    }

    static HubRecord stamp(HubRecord record) {
        record.setProviderOrganisation("casesystem:early-help-north");
        return record;
    }

    static GenericRecord payload(HubRecord record) {
        return CaseSystemMappingTest.TYPES.decode(record.getType(), record.getPayload());
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = CaseSystemConnectorTest.class.getResourceAsStream(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

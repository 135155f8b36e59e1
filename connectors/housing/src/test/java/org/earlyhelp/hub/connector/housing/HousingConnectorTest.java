package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.ConnectorSettings;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.housing.schema.HousingTenancy;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.payload.Payloads;
import org.junit.jupiter.api.Test;

class HousingConnectorTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Topics TOPICS = new Topics("hub.inbound.", "hub.dlq.", "hub.outbound.");

    private static HubRecord tenancy(String organisation, String json) {
        HubRecord r = HousingRecordMapper.toRecord(
                HousingRecordType.TENANCY, HousingSamples.read(HousingRecordType.TENANCY, json), "rec-9", AT);
        r.setProviderOrganisation(organisation);
        return r;
    }

    private static List<RelationshipAssertion> relationships(HubRecord r) {
        RelationshipRules rules =
                new RelationshipRules(new Connectors(List.of(new HousingConnector())).relationships());
        return rules.of(r, HousingSamples.PAYLOADS.decode(r.getType(), r.getPayload()));
    }

    @Test
    void anOpenTenancyWithTheSendersOwnOrganisationEstablishesATenancyWithEachPerson() {
        List<RelationshipAssertion> found =
                relationships(tenancy("housing:chesterfield-homes", HousingSamples.json(HousingRecordType.TENANCY)));

        assertThat(found).hasSize(2).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(RelationshipKind.TENANCY);
            assertThat(a.organisation()).isEqualTo("housing:chesterfield-homes");
            assertThat(a.closing()).isFalse();
        });
        assertThat(found)
                .extracting(RelationshipAssertion::recordKey)
                .containsExactly("housing/rec-9#t1", "housing/rec-9#c1");
    }

    @Test
    void anEndedTenancyClosesItAndOneEndingLaterIsStillOpen() {
        String json = HousingSamples.json(HousingRecordType.TENANCY);
        String ended = json.replace("\"tenure\"", "\"endDate\": \"2026-11-30\", \"tenure\"");
        String ending = json.replace("\"tenure\"", "\"endDate\": \"2027-01-31\", \"tenure\"");

        assertThat(relationships(tenancy("housing:chesterfield-homes", ended)))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.closing()).isTrue());
        assertThat(relationships(tenancy("housing:chesterfield-homes", ending)))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.closing()).isFalse());
    }

    @Test
    void aTenancyWithAnotherLandlordOrFromAnotherPartnerEstablishesNothing() {
        String json = HousingSamples.json(HousingRecordType.TENANCY);

        assertThat(relationships(tenancy("housing:council-housing-options", json)))
                .isEmpty();
        assertThat(relationships(tenancy("casesystem:chesterfield-homes", json)))
                .isEmpty();
        // an empty landlord (as a record minimised at rest before the field was kept would have): nothing assumed
        HubRecord emptied = tenancy("housing:chesterfield-homes", json);
        HousingTenancy t =
                HousingSamples.PAYLOADS.decode(emptied.getType(), emptied.getPayload(), HousingTenancy.class);
        t.setProvider("");
        emptied.setPayload(Payloads.encode(t));
        assertThat(relationships(emptied)).isEmpty();
    }

    @Test
    void withoutAWebhookHousingDeclaresNoOutboundAndItsTopicsAreInboundOnly() {
        Connectors unconfigured = Connectors.discover();

        assertThat(unconfigured.all()).extracting(Connector::partner).contains("housing");
        assertThat(unconfigured.delivering()).doesNotContain("housing");
        assertThat(unconfigured.topics(TOPICS))
                .contains("hub.inbound.housing", "hub.dlq.housing")
                .doesNotContain("hub.outbound.housing");
    }

    @Test
    void withAWebhookHousingIsAddressedAsAWholePartner() {
        ConnectorSettings settings = name -> HousingConnector.WEBHOOK_SETTING.equals(name)
                ? Optional.of("https://housing.example.org/hub/notifications")
                : Optional.empty();
        Connectors configured = Connectors.discover(settings);

        assertThat(configured.delivering()).contains("housing");
        assertThat(configured.topics(TOPICS)).contains("hub.outbound.housing");
        HubRecord any = tenancy("housing:chesterfield-homes", HousingSamples.json(HousingRecordType.TENANCY));
        assertThat(configured
                        .addressing()
                        .get("housing")
                        .address(any, any.getPeople().get(0))
                        .recipient())
                .isEqualTo(Recipient.partner("housing"));
    }

    @Test
    void aWebhookSettingThatIsNotHttpsFailsDiscoveryWithoutQuotingIt() {
        ConnectorSettings bad = name -> Optional.of("http://10.0.0.7/secret-path");

        assertThatThrownBy(() -> Connectors.discover(bad))
                .hasMessageContaining(HousingConnector.WEBHOOK_SETTING)
                .hasMessageNotContaining("10.0.0.7");
    }

    @Test
    void everyTypeIsRegisteredWithFieldPathsAgreementsCanName() {
        FieldCatalogue catalogue = new FieldCatalogue(HousingSamples.PAYLOADS);

        assertThat(catalogue.types())
                .containsExactlyInAnyOrder(
                        "housing-tenancy",
                        "housing-rent-arrears",
                        "housing-notice",
                        "housing-eviction",
                        "housing-homelessness-application",
                        "housing-temporary-accommodation");
        assertThat(catalogue.fieldsFor("housing-tenancy"))
                .contains("tenancy.start-date", "tenancy.tenure", "tenancy.provider", "tenancy.notes");
        assertThat(catalogue.fieldsFor("housing-rent-arrears")).contains("arrears.notice-attached");
        assertThat(catalogue.fieldsFor("housing-temporary-accommodation"))
                .contains("temporary-accommodation.out-of-area");
        assertThat(Map.of()).isEmpty();
    }
}

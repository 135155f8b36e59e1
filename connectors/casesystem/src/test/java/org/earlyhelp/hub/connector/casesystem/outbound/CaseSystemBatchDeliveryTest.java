package org.earlyhelp.hub.connector.casesystem.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to the case system's webhooks on the hub's batch support, against a real PostgreSQL (the ledger) and the
 * case system played by WireMock (stubs in {@code src/test/resources/wiremock/casesystem/}): the front door takes
 * what it is sent with the hub's token, a busy team is retried a bounded number of times, a refusing one is
 * dead-lettered at once, and neither holds up the others.
 */
class CaseSystemBatchDeliveryTest {

    static final ChainKey CHAIN_KEY =
            new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes(StandardCharsets.UTF_8));
    static final String TOKEN = "casesystem-webhook-test-token";
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static WireMockServer caseSystem;

    final RecordCodec codec = new RecordCodec(SchemaRegistry.load());
    final CamelContext camel = new DefaultCamelContext();
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final List<Integer> commits = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        caseSystem = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("wiremock/casesystem"));
        caseSystem.start();
    }

    @AfterAll
    static void stop() throws Exception {
        caseSystem.stop();
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        camel.start();
        caseSystem.resetRequests();
    }

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
    }

    @Test
    void theFrontDoorGetsEachDisclosureOnceWithTheTokenAndOnlyTheReleasedFields() throws Exception {
        // Given three disclosures for the whole partner
        CaseSystemBatchDelivery delivery = delivery(props(TOKEN));
        List<Disclosure> batch = List.of(disclosure(null), disclosure(null), disclosure(null));
        // When the batch is delivered
        batch(delivery, props(TOKEN)).process(exchange(batch));
        // Then each reaches the front door under its own idempotency key, with the released fields only
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> posts =
                caseSystem.findAll(postRequestedFor(urlPathEqualTo("/casesystem/front-door"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(posts)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(Disclosure::getDeliveryId).toList());
        JsonNode body = new ObjectMapper().readTree(posts.get(0).getBodyAsString());
        assertThat(body.get("recipient").get("partner").asText()).isEqualTo("casesystem");
        assertThat(body.get("recipient").get("team").isNull()).isTrue();
        assertThat(body.get("fields").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("child.name", "incident.reference");
        assertThat(producer.history()).isEmpty();
        assertThat(commits).hasSize(1);
        assertThat(delivery.availablePermits()).isEqualTo(4);
        // and the ledger records each as delivered, the partner's last contact is now
        DisclosureLedger ledger = new DisclosureLedger(dataSource, Clock.systemUTC(), CHAIN_KEY);
        assertThat(ledger
                        .deliveries(
                                batch.stream().map(Disclosure::getDeliveryId).toList())
                        .values()
                        .stream()
                        .map(DisclosureLedger.Delivery::status))
                .containsOnly(DisclosureLedger.DeliveryStatus.DELIVERED)
                .hasSize(3);
        assertThat(meters.get("hub.partner.last.contact.age").gauge().value()).isBetween(0.0, 60.0);
    }

    @Test
    void aBusyTeamIsRetriedBoundedlyARefusingOneDeadLetteredAtOnceAndTheFrontDoorStillServed() {
        // Given a team whose webhook answers 503, one that answers 422, and the front door
        CaseSystemConnectorProperties props = props(TOKEN);
        CaseSystemBatchDelivery delivery = delivery(props);
        Disclosure busy = disclosure("busy");
        Disclosure refuses = disclosure("refuses");
        Disclosure front = disclosure(null);
        // When one batch holds a disclosure for each
        batch(delivery, props).process(exchange(List.of(busy, refuses, front)));
        // Then the busy team is tried max-attempts times, the refusing one once, the front door once
        caseSystem.verify(3, postRequestedFor(urlPathEqualTo("/casesystem/teams/busy")));
        caseSystem.verify(1, postRequestedFor(urlPathEqualTo("/casesystem/teams/refuses")));
        caseSystem.verify(1, postRequestedFor(urlPathEqualTo("/casesystem/front-door")));
        // and both failures are dead letters whose reasons name the status only
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("hub.dlq.casesystem");
        assertThat(producer.history())
                .extracting(r -> new String(
                        r.headers().lastHeader(KafkaBatch.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("webhook answered 503", "webhook answered 422");
        assertThat(commits).hasSize(1);
    }

    @Test
    void withoutTheTokenTheFrontDoorRefusesAndTheDisclosureIsDeadLetteredNotRetried() {
        CaseSystemConnectorProperties props = props(null);
        CaseSystemBatchDelivery delivery = delivery(props);
        batch(delivery, props).process(exchange(List.of(disclosure(null))));
        caseSystem.verify(1, postRequestedFor(urlPathEqualTo("/casesystem/front-door")));
        assertThat(producer.history()).singleElement().satisfies(r -> assertThat(new String(
                        r.headers().lastHeader(KafkaBatch.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("webhook answered 401"));
    }

    @Test
    void aTeamWithNoWebhookOfItsOwnGoesToTheFrontDoor() {
        CaseSystemConnectorProperties props = props(TOKEN);
        batch(delivery(props), props).process(exchange(List.of(disclosure("early-help-south"))));
        caseSystem.verify(1, postRequestedFor(urlPathEqualTo("/casesystem/front-door")));
        assertThat(producer.history()).isEmpty();
    }

    private CaseSystemConnectorProperties props(String token) {
        String base = "http://127.0.0.1:" + caseSystem.port() + "/casesystem";
        return new CaseSystemConnectorProperties(
                URI.create(base + "/front-door"),
                token,
                Map.of("busy", URI.create(base + "/teams/busy"), "refuses", URI.create(base + "/teams/refuses")),
                1,
                100,
                4,
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofSeconds(5),
                false);
    }

    private CaseSystemBatchDelivery delivery(CaseSystemConnectorProperties props) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new CaseSystemBatchDelivery(
                props,
                new CaseSystemWebhookClient(http, new ObjectMapper(), props.timeout(), props.webhookToken()),
                new DisclosureLedger(dataSource, Clock.systemUTC(), CHAIN_KEY),
                new PartnerMetrics(meters, "casesystem", Clock.systemUTC()));
    }

    private KafkaBatch<CaseSystemBatchDelivery.Delivery> batch(
            CaseSystemBatchDelivery delivery, CaseSystemConnectorProperties props) {
        return CaseSystemOutboundConfiguration.batch(
                "hub.dlq.casesystem",
                props,
                codec,
                delivery,
                producer,
                new ConsumerProgress(Clock.systemUTC()),
                new SimpleMeterRegistry());
    }

    private static Disclosure disclosure(String team) {
        return Disclosure.newBuilder()
                .setDeliveryId(UUID.randomUUID().toString())
                .setRecordId(UUID.randomUUID().toString())
                .setLedgerSeq(1)
                .setAgreementId("police-to-casesystem-domestic-abuse")
                .setAgreementVersion(1)
                .setPurpose("safeguarding/domestic-abuse-notification")
                .setRecipient(org.earlyhelp.hub.schema.Recipient.newBuilder()
                        .setPartner("casesystem")
                        .setAddress(team)
                        .build())
                .setFields(Map.of("incident.reference", "DA/1", "child.name", "Jess Ashworth"))
                .build();
    }

    private Exchange exchange(List<Disclosure> disclosures) {
        List<Exchange> records = new ArrayList<>();
        for (int i = 0; i < disclosures.size(); i++) {
            Exchange e = new DefaultExchange(camel);
            int offset = i;
            e.getMessage().setHeader(KafkaConstants.TOPIC, "hub.outbound.casesystem");
            e.getMessage().setHeader(KafkaConstants.PARTITION, 0);
            e.getMessage().setHeader(KafkaConstants.KEY, disclosures.get(i).getDeliveryId());
            e.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> commits.add(offset));
            e.getMessage().setBody(codec.encode(disclosures.get(i)));
            records.add(e);
        }
        Exchange polled = new DefaultExchange(camel);
        polled.getMessage().setBody(records);
        return polled;
    }
}

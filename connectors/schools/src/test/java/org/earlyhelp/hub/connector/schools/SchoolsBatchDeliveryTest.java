package org.earlyhelp.hub.connector.schools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery on the hub's batch support, against a real PostgreSQL (directory and ledger) and schools played by
 * WireMock: a school with an unusable endpoint fails its own notifications only, never the batch, never a permit.
 */
class SchoolsBatchDeliveryTest {

    static final org.earlyhelp.hub.governance.ledger.ChainKey CHAIN_KEY =
            new org.earlyhelp.hub.governance.ledger.ChainKey(
                    "a chain key of at least 32 bytes, for tests only".getBytes(StandardCharsets.UTF_8));
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static WireMockServer school;

    final RecordCodec codec = new RecordCodec(SchemaRegistry.load());
    final CamelContext camel = new DefaultCamelContext();
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final List<Integer> commits = new ArrayList<>();
    JdbcTemplate jdbc;
    SchoolDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        school = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        school.start();
    }

    @AfterAll
    static void stop() throws Exception {
        school.stop();
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        camel.start();
        jdbc = new JdbcTemplate(dataSource);
        directory = new SchoolDirectory(jdbc, new EndpointPolicy(true, false));
        school.resetAll();
        school.stubFor(
                post(urlPathMatching("/schools/.*")).willReturn(aResponse().withStatus(201)));
    }

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
    }

    @Test
    void aBadEndpointFailsOnlyItsOwnNotificationsAndEveryPermitComesBack() {
        // Given one school whose stored endpoint is unusable (written before the directory checked endpoints), one
        // pointing at the cloud metadata address, and one good school
        jdbc.update("insert into school_endpoint (urn, endpoint_url) values ('400001', 'http:foo')"
                + " on conflict (urn) do update set endpoint_url = excluded.endpoint_url");
        jdbc.update("insert into school_endpoint (urn, endpoint_url) values ('400002',"
                + " 'https://169.254.169.254/latest') on conflict (urn) do update set endpoint_url ="
                + " excluded.endpoint_url");
        directory.register("400003", "Good", "http://127.0.0.1:" + school.port() + "/schools/400003");
        SchoolsBatchDelivery delivery = delivery(1);
        // When a batch holds notifications for the bad schools first, then five for the good one
        List<Disclosure> batch = new ArrayList<>();
        batch.add(disclosure("400001"));
        batch.add(disclosure("400002"));
        for (int i = 0; i < 5; i++) {
            batch.add(disclosure("400003"));
        }
        batch(delivery).process(exchange(batch));
        // Then the good school gets all five, the bad ones are dead-lettered with a reason free of the URL, the
        // offsets move on, and no permit is lost
        // (five notifications, each under its own key: a retry after a slow answer is the same notification)
        assertThat(school.findAll(postRequestedFor(urlPathMatching("/schools/400003"))).stream()
                        .map(r -> r.getHeader("Idempotency-Key"))
                        .distinct())
                .hasSize(5);
        assertThat(producer.history()).hasSize(2);
        for (ProducerRecord<String, byte[]> dead : producer.history()) {
            String reason = new String(
                    dead.headers().lastHeader(KafkaBatch.REASON_HEADER).value(), StandardCharsets.UTF_8);
            assertThat(reason).startsWith("school endpoint refused").doesNotContain("169.254", "foo");
        }
        assertThat(commits).hasSize(1);
        assertThat(delivery.availablePermits()).isEqualTo(delivery.maxInFlight());
        DisclosureLedger ledger = new DisclosureLedger(dataSource, Clock.systemUTC(), CHAIN_KEY);
        Map<String, DisclosureLedger.Delivery> outcomes =
                ledger.deliveries(batch.stream().map(Disclosure::getDeliveryId).toList());
        assertThat(outcomes.values().stream().map(DisclosureLedger.Delivery::status))
                .containsExactlyInAnyOrder(
                        DisclosureLedger.DeliveryStatus.DEAD_LETTERED,
                        DisclosureLedger.DeliveryStatus.DEAD_LETTERED,
                        DisclosureLedger.DeliveryStatus.DELIVERED,
                        DisclosureLedger.DeliveryStatus.DELIVERED,
                        DisclosureLedger.DeliveryStatus.DELIVERED,
                        DisclosureLedger.DeliveryStatus.DELIVERED,
                        DisclosureLedger.DeliveryStatus.DELIVERED);
    }

    @Test
    void aSchoolThatKeepsFailingIsDeadLetteredAfterTheBoundedRetriesAndTheOthersAreDelivered() {
        directory.register("400004", "Down", "http://127.0.0.1:" + school.port() + "/schools/400004");
        directory.register("400005", "Up", "http://127.0.0.1:" + school.port() + "/schools/400005");
        school.stubFor(
                post(urlPathMatching("/schools/400004")).willReturn(aResponse().withStatus(503)));
        SchoolsBatchDelivery delivery = delivery(2);
        batch(delivery).process(exchange(List.of(disclosure("400004"), disclosure("400005"))));
        school.verify(3, postRequestedFor(urlPathMatching("/schools/400004")));
        school.verify(1, postRequestedFor(urlPathMatching("/schools/400005")));
        assertThat(producer.history()).hasSize(1);
        assertThat(new String(
                        producer.history()
                                .get(0)
                                .headers()
                                .lastHeader(KafkaBatch.REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("school endpoint answered 503");
        assertThat(delivery.availablePermits()).isEqualTo(2);
    }

    @Test
    void theDirectoryRefusesBadEndpointsByFieldAndRule() {
        for (String bad : List.of("http:foo", "https:///x", "https://169.254.169.254/", "http://203.0.113.9/")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.register("400006", "S", bad))
                    .isInstanceOf(SchoolDirectory.InvalidEntry.class)
                    .satisfies(e -> assertThat(((SchoolDirectory.InvalidEntry) e).field())
                            .isEqualTo("endpoint"))
                    .message()
                    .doesNotContain(bad);
        }
        assertThat(jdbc.queryForObject("select count(*) from school_endpoint where urn = '400006'", Integer.class))
                .isZero();
    }

    @Test
    void aNotificationWithADeadlineIsNotedForAcknowledgementAndItsKindIsTheAgreementsPurpose() {
        // Given an Operation Encompass disclosure (its agreement sets a deadline) and a home-educated child's, for
        // the council's EHE team
        directory.register("400007", "Notified", "http://127.0.0.1:" + school.port() + "/schools/400007");
        directory.eheTeamEndpoint("http://127.0.0.1:" + school.port() + "/schools/ehe-team");
        org.earlyhelp.hub.connector.schools.encompass.NotificationLog log =
                new org.earlyhelp.hub.connector.schools.encompass.NotificationLog(
                        jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped());
        SchoolsBatchDelivery delivery = new SchoolsBatchDelivery(
                directory,
                new SchoolsNotificationClient(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(10)),
                new DisclosureLedger(dataSource, Clock.systemUTC(), CHAIN_KEY),
                4,
                log,
                Clock.fixed(java.time.Instant.parse("2026-12-01T19:40:00Z"), java.time.ZoneOffset.UTC));
        Disclosure school = disclosure("400007");
        school.setDeadline("before-next-school-day");
        Disclosure ehe = disclosure(SchoolsConnector.EHE_TEAM);
        ehe.setDeadline("before-next-school-day");

        // When delivered
        batch(delivery).process(exchange(List.of(school, ehe)));

        // Then each went to its own endpoint, typed by the agreement's purpose, and awaits acknowledgement by 08:30
        var sent = this.school.findAll(postRequestedFor(urlPathMatching("/schools/400007")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString())
                .contains("\"type\":\"safeguarding/domestic-abuse-notification\"")
                .contains("\"acknowledge\":\"POST /api/schools/acknowledgements/" + school.getDeliveryId());
        this.school.verify(1, postRequestedFor(urlPathMatching("/schools/ehe-team")));
        var awaiting = log.acknowledge(
                school.getDeliveryId(), "400007", "dsl", java.time.Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(awaiting).isPresent();
        assertThat(awaiting.get().dueAt()).isEqualTo("2026-12-02T08:30:00Z");
        assertThat(log.acknowledge(ehe.getDeliveryId(), SchoolsConnector.EHE_TEAM, "ehe", java.time.Instant.now()))
                .isPresent();
    }

    private SchoolsBatchDelivery delivery(int maxInFlight) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new SchoolsBatchDelivery(
                directory,
                new SchoolsNotificationClient(http, new ObjectMapper(), Duration.ofSeconds(10)),
                new DisclosureLedger(dataSource, Clock.systemUTC(), CHAIN_KEY),
                maxInFlight);
    }

    private KafkaBatch<SchoolsBatchDelivery.Delivery> batch(SchoolsBatchDelivery delivery) {
        SchoolsConnectorProperties props = new SchoolsConnectorProperties(
                "hub.outbound.schools",
                "hub.dlq.schools",
                1,
                delivery.maxInFlight(),
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofSeconds(2),
                false,
                false);
        return SchoolsConnectorConfiguration.batch(
                props, codec, delivery, producer, new ConsumerProgress(Clock.systemUTC()), new SimpleMeterRegistry());
    }

    private Disclosure disclosure(String urn) {
        return Disclosure.newBuilder()
                .setDeliveryId(UUID.randomUUID().toString())
                .setRecordId(UUID.randomUUID().toString())
                .setLedgerSeq(1)
                .setAgreementId("police-to-schools-domestic-abuse")
                .setAgreementVersion(1)
                .setPurpose("safeguarding/domestic-abuse-notification")
                .setRecipient(org.earlyhelp.hub.schema.Recipient.newBuilder()
                        .setPartner("schools")
                        .setAddress(urn)
                        .build())
                .setFields(Map.of("incident.reference", "DA/1"))
                .build();
    }

    private Exchange exchange(List<Disclosure> disclosures) {
        List<Exchange> records = new ArrayList<>();
        for (int i = 0; i < disclosures.size(); i++) {
            Exchange e = new DefaultExchange(camel);
            int offset = i;
            e.getMessage().setHeader(KafkaConstants.TOPIC, "hub.outbound.schools");
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

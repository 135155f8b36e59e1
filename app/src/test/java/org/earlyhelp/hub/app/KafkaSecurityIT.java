package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.earlyhelp.hub.app.embedded.EmbeddedKafka;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client the hub makes takes its security settings from {@code hub.kafka.properties.*}: against a broker
 * that accepts only SASL-authenticated clients, the admin client (topics), the Camel producer (police intake), the raw
 * producer (records intake and governed output) and the Camel consumers (govern, schools delivery) all work, so an
 * incident travels from the police endpoint to the school.
 */
class KafkaSecurityIT {

    static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"hub\" password=\"hub-kafka-secret\";";

    @Test
    void everyKafkaClientAuthenticatesWithTheSharedSaslSettings() throws Exception {
        Path dir = Path.of("target", "kafka-sasl-" + UUID.randomUUID());
        // Given a broker whose client listener requires SASL/PLAIN
        Map<String, String> sasl = Map.of(
                "listener.security.protocol.map",
                "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms",
                "PLAIN",
                "sasl.mechanism.inter.broker.protocol",
                "PLAIN",
                "listener.name.plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"hub\""
                        + " password=\"hub-kafka-secret\" user_hub=\"hub-kafka-secret\";");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, sasl);
                NotificationSink schools = new NotificationSink();
                HubProcess hub = new HubProcess(dir.resolve("unused"))) {
            // And a client without the settings is refused
            try (Admin plain = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    3000))) {
                assertThatThrownBy(() -> plain.listTopics().names().get()).isNotNull();
            }
            // When the hub starts with the SASL settings given once, in hub.kafka.properties (credentials issued
            // with the jar's command before the first start)
            String police = ExternalInfrastructureIT.issue(pg, "police:derbyshire");
            String board = ExternalInfrastructureIT.issue(pg, "governance:board");
            String health = ExternalInfrastructureIT.issue(pg, "health:RFS");
            hub.start(
                    "kafka-sasl-hub",
                    "--hub.embedded.enabled=false",
                    "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--hub.kafka.properties.security.protocol=SASL_PLAINTEXT",
                    "--hub.kafka.properties.sasl.mechanism=PLAIN",
                    "--hub.kafka.properties.sasl.jaas.config=" + JAAS,
                    "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=" + pg.user(),
                    "--spring.datasource.password=" + pg.password(),
                    "--hub.pseudonymisation.key=" + SimulatorOutsideEmbeddedIT.randomKey(),
                    "--hub.ledger.chain-key=" + ExternalInfrastructureIT.CHAIN_KEY,
                    // the test's school listens on plain http on this machine
                    "--hub.connectors.schools.allow-loopback-http=true");
            HttpResponse<String> registered = hub.send(
                    "PUT",
                    "/api/directory/schools/300001",
                    board,
                    "{\"endpoint\":\"" + schools.baseUrl() + "/schools/300001/notifications\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            // Then an incident is accepted (Camel producer) and delivered (consumers and the raw producer)
            HttpResponse<String> accepted = hub.send(
                    "POST",
                    "/api/police/incidents",
                    police,
                    OperationEncompassIT.incident("DA/SASL/1", "300001", null));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> schools.distinctKeys() == 1);
            // And a record goes through the raw producer
            HttpResponse<String> record = hub.send(
                    "POST",
                    "/api/health/involvements",
                    health,
                    """
                    {"type": "health-involvement",
                     "people": [{"ref": "h", "role": "CHILD", "givenName": "Ava", "familyName": "Stone",
                        "dateOfBirth": "2015-03-04"}],
                     "involvement": {"service": "school-nursing", "since": "2025-01-15"}}
                    """);
            assertThat(record.statusCode()).as(record.body()).isEqualTo(202);
            // And the hub's consumer groups are on the broker, seen by a client with the same settings
            try (Admin authenticated = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    "security.protocol",
                    "SASL_PLAINTEXT",
                    "sasl.mechanism",
                    "PLAIN",
                    "sasl.jaas.config",
                    JAAS))) {
                assertThat(authenticated.listConsumerGroups().all().get().stream()
                                .map(ConsumerGroupListing::groupId)
                                .toList())
                        .isNotEmpty();
                assertThat(authenticated.listTopics().names().get())
                        .contains("hub.inbound.police", "hub.inbound.health");
            }
        }
    }
}

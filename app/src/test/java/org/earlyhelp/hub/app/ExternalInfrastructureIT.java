package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.earlyhelp.hub.app.embedded.EmbeddedKafka;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.Test;

/**
 * The same packaged application pointed at a Kafka broker and a PostgreSQL it did not start, by configuration alone
 * (here a broker and database this test starts, standing in for a cluster and a managed database).
 */
class ExternalInfrastructureIT {

    @Test
    void runsAgainstExternalKafkaAndPostgresByConfigurationAlone() throws Exception {
        Path dir = Path.of("target", "external-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2);
                NotificationSink schools = new NotificationSink();
                HubProcess hub = new HubProcess(dir.resolve("unused"))) {
            // Given the hub started with embedded infrastructure off and real credentials
            hub.start(
                    "external-hub",
                    "--hub.embedded.enabled=false",
                    // the schools listener of this rig is plain http on this machine, refused by default outside
                    // the embedded run
                    "--hub.connectors.schools.allow-loopback-http=true",
                    "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=" + pg.user(),
                    "--hub.security.partner-tokens.police=police-secret-0123456789",
                    "--hub.security.partner-tokens.schools=schools-secret-0123456789",
                    "--hub.security.partner-tokens.health=health-secret-0123456789",
                    "--hub.security.partner-tokens.casesystem=case-secret-0123456789",
                    "--hub.security.partner-tokens.governance=board-secret-0123456789");
            hub.send(
                    "PUT",
                    "/api/directory/schools/300001",
                    "board-secret-0123456789",
                    "{\"endpoint\":\"" + schools.baseUrl() + "/schools/300001/notifications\"}");
            // When police post an incident
            HttpResponse<String> accepted = hub.send(
                    "POST",
                    "/api/police/incidents",
                    "police-secret-0123456789",
                    OperationEncompassIT.incident("DA/EXT/1", "300001", null));
            // Then it is accepted and delivered, through the external broker and database
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> schools.distinctKeys() == 1);
            assertThat(schools.received().get(0).body()).contains("DA/EXT/1");
            // and the development credentials no longer work
            assertThat(hub.send("POST", "/api/police/incidents", "police-dev-token", "{}")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void refusesToStartOnDevelopmentCredentialsOutsideTheEmbeddedRun() throws Exception {
        Path dir = Path.of("target", "external-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(
                            java,
                            "-jar",
                            System.getProperty("hub.jar", "target/hub.jar"),
                            "--server.port=0",
                            "--hub.embedded.enabled=false",
                            "--hub.simulator.enabled=false",
                            "--hub.agreements.dir="
                                    + Path.of("..", "agreements").toAbsolutePath(),
                            "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--spring.datasource.url=" + pg.jdbcUrl(),
                            "--spring.datasource.username=" + pg.user())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).isNotZero();
            assertThat(output).contains("is a development token");
        }
    }
}

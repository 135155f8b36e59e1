package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.app.embedded.EmbeddedKafka;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.earlyhelp.hub.app.security.CredentialAdministration;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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
            // Given the board issued credentials with the jar's command before the first start
            String police = issue(pg, "police:derbyshire");
            String board = issue(pg, "governance:board");
            // and the hub started with embedded infrastructure off
            hub.start(
                    "external-hub",
                    "--hub.embedded.enabled=false",
                    "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=" + pg.user(),
                    "--spring.datasource.password=" + pg.password(),
                    "--hub.pseudonymisation.key=" + randomKey(),
                    "--hub.ledger.chain-key=" + CHAIN_KEY,
                    "--hub.ledger.checkpoints.dir="
                            + dir.resolve("shared-checkpoints").toAbsolutePath());
            hub.send(
                    "PUT",
                    "/api/directory/schools/300001",
                    board,
                    "{\"endpoint\":\"" + schools.baseUrl() + "/schools/300001/notifications\"}");
            // When police post an incident
            HttpResponse<String> accepted = hub.send(
                    "POST", "/api/police/incidents", police, OperationEncompassIT.incident("DA/EXT/1", "300001", null));
            // Then it is accepted and delivered, through the external broker and database
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> schools.distinctKeys() == 1);
            assertThat(schools.received().get(0).body()).contains("DA/EXT/1");
            // and the ledger checkpoints its head outside the database, in the configured folder
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.send("GET", "/api/ledger/verify", board, null)
                    .body()
                    .contains("\"intact\":true"));
            // and the development credentials no longer work
            assertThat(hub.send("POST", "/api/police/incidents", "police-dev-token", "{}")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void refusesToStartWhileADevelopmentCredentialIsUsableOutsideTheEmbeddedRun() throws Exception {
        Path dir = Path.of("target", "external-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2)) {
            // Given a database an embedded run once used, so it holds the development credentials
            cli(
                    "credentials",
                    "list",
                    "--jdbc-url",
                    pg.jdbcUrl(),
                    "--user",
                    pg.user(),
                    "--password=" + pg.password(),
                    "--chain-key-file",
                    chainKeyFile().toString());
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(pg.jdbcUrl());
            ds.setUser(pg.user());
            ds.setPassword(pg.password());
            new CredentialAdministration(
                            ds,
                            Clock.systemUTC(),
                            new DisclosureLedger(
                                    ds,
                                    Clock.systemUTC(),
                                    new ChainKey(Base64.getDecoder().decode(CHAIN_KEY))))
                    .seedDevelopment();
            // When the hub is started on it outside the embedded run
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
                            "--spring.datasource.username=" + pg.user(),
                            "--spring.datasource.password=" + pg.password(),
                            // real keys, so the development credentials are the only thing wrong
                            "--hub.pseudonymisation.key=" + randomKey(),
                            "--hub.ledger.chain-key=" + CHAIN_KEY)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            // Then it refuses, naming the credential to revoke
            assertThat(p.waitFor()).isNotZero();
            assertThat(output).contains("is a development credential", "credentials revoke dev-");
        }
    }

    private static String issue(EmbeddedPostgres pg, String organisation) {
        String out = cli(
                "credentials",
                "issue",
                "--organisation",
                organisation,
                "--jdbc-url",
                pg.jdbcUrl(),
                "--user",
                pg.user(),
                "--password=" + pg.password(),
                "--chain-key-file",
                chainKeyFile().toString());
        Matcher m = Pattern.compile("(hub_[A-Za-z0-9_-]{43})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
        return out.toString();
    }

    /** The chain key every hub and command in this test shares, as an operator would hold it outside the database. */
    static final String CHAIN_KEY = randomKey();

    private static Path chainKeyFile() {
        try {
            Path file = Files.createTempFile("ledger-chain", ".key");
            Files.writeString(file, CHAIN_KEY);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Test
    void refusesToStartOnTheDevelopmentPseudonymisationKeyOrWithoutAChainKeyOutsideTheEmbeddedRun() throws Exception {
        Path dir = Path.of("target", "external-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> common = List.of(
                    java,
                    "-jar",
                    System.getProperty("hub.jar", "target/hub.jar"),
                    "--server.port=0",
                    "--hub.embedded.enabled=false",
                    "--hub.simulator.enabled=false",
                    "--hub.agreements.dir=" + Path.of("..", "agreements").toAbsolutePath(),
                    "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=" + pg.user(),
                    "--spring.datasource.password=" + pg.password());
            // the development pseudonymisation key (application.yml's default), with a real chain key
            List<String> devKey = new ArrayList<>(common);
            devKey.add("--hub.ledger.chain-key=" + randomKey());
            Process p = new ProcessBuilder(devKey).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).isNotZero();
            assertThat(output).contains("hub.pseudonymisation.key is the development key");
            // a real pseudonymisation key, but no chain key
            List<String> noChainKey = new ArrayList<>(common);
            noChainKey.add("--hub.pseudonymisation.key=" + randomKey());
            Process q = new ProcessBuilder(noChainKey).redirectErrorStream(true).start();
            String output2 = new String(q.getInputStream().readAllBytes());
            assertThat(q.waitFor()).isNotZero();
            assertThat(output2).contains("hub.ledger.chain-key must be set outside the embedded run");
        }
    }
}

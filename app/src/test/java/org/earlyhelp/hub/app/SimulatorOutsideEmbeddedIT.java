package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.hub.app.embedded.EmbeddedKafka;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The simulator outside the embedded run: refused unless in the demonstration profile, where every ledger entry the
 * hub writes is marked {@code demonstration=true}. The packaged hub against a broker and database it did not start.
 */
class SimulatorOutsideEmbeddedIT {

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static List<String> hubCommand(EmbeddedKafka kafka, EmbeddedPostgres pg, int port, String... extra) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-jar",
                System.getProperty("hub.jar", "target/hub.jar"),
                "--server.port=" + port,
                "--hub.embedded.enabled=false",
                "--hub.agreements.dir=" + Path.of("..", "agreements").toAbsolutePath(),
                "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=" + pg.user(),
                "--spring.datasource.password=" + pg.password(),
                "--hub.pseudonymisation.key=" + randomKey(),
                "--hub.ledger.chain-key=" + ExternalInfrastructureIT.CHAIN_KEY));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    @Test
    void theSimulatorOutsideTheEmbeddedRunRefusesToStartWithAMessageSayingHowToFixIt() throws Exception {
        Path dir = Path.of("target", "sim-refused-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2)) {
            // When the hub is started outside the embedded run with the simulator switched on
            Process p = new ProcessBuilder(hubCommand(kafka, pg, 0, "--hub.simulator.enabled=true"))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            // Then it does not start, and says why and how to fix it
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(output)
                    .contains("hub.simulator.enabled=true outside the embedded run")
                    .contains("--spring.profiles.active=demonstration");
        }
    }

    @Test
    void inTheDemonstrationProfileEveryLedgerEntryIsMarkedDemonstrationData() throws Exception {
        Path dir = Path.of("target", "sim-demo-" + UUID.randomUUID());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg/postgres"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2)) {
            // Given the hub started in the demonstration profile, outside the embedded run, its simulated police
            // holding a credential the board issued
            String police = ExternalInfrastructureIT.issue(pg, "police:derbyshire");
            Process p = new ProcessBuilder(hubCommand(
                            kafka,
                            pg,
                            HubProcess.freePort(),
                            "--spring.profiles.active=demonstration",
                            "--hub.simulator.police-token=" + police,
                            "--hub.simulator.incidents-per-second=5",
                            "--hub.simulator.families=40"))
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/sim-demo-hub.log"))
                    .start();
            try {
                // When the simulator's incidents have been governed
                await().atMost(Duration.ofMinutes(4)) // a start-up on a loaded CI machine can take two
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .until(() -> {
                            assertThat(p.isAlive())
                                    .as("see target/sim-demo-hub.log")
                                    .isTrue();
                            // disclosures: the entries the hub writes at start (the agreements in force) are not
                            // the simulator's incidents governed
                            return count(pg, "select count(*) from ledger_entry where entry_type = 'DISCLOSURE'") >= 5;
                        });
                // Then every entry the hub wrote says it is demonstration data (the board's credential issue, made
                // with the jar's command before the hub started, is the board's own act and is not)
                // (one query, one snapshot: the simulated partners go on writing while the test reads)
                String byTheHub = "from ledger_entry where coalesce(actor, '') not like 'cli:%'";
                assertThat(count(pg, "select count(*) " + byTheHub)).isPositive();
                assertThat(list(
                                pg,
                                "select distinct entry_type || ' by ' || coalesce(actor, '-') " + byTheHub
                                        + " and coalesce(details->>'demonstration', '') <> 'true'"))
                        .as("entries the hub wrote without the demonstration mark")
                        .isEmpty();
                // And the simulated schools are marked as the simulator's own in the directory
                assertThat(count(pg, "select count(*) from school_endpoint where simulated"))
                        .isPositive();
            } finally {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    static List<String> list(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    static long count(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

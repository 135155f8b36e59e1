package org.earlyhelp.hub.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import org.earlyhelp.hub.connector.schools.SchoolDirectory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The simulator's directory entries, on a real PostgreSQL with the hub's migrations. */
class SimulatedDirectoryEntriesTest {

    static EmbeddedPostgres pg;
    static SchoolDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
        Flyway.configure()
                .dataSource(pg.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        directory = new SchoolDirectory(new JdbcTemplate(pg.getPostgresDatabase()));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void theSimulatorNeverOverwritesAnEntryTheBoardSet() {
        // Given the board has pointed a URN the simulator also uses at a real school's endpoint
        directory.register("100001", "Real School", URI.create("https://school.example/notifications"));
        // When the simulator starts and registers its school under that URN
        boolean taken = directory.registerSimulated(
                "100001", "Simulated School", URI.create("http://localhost:5555/schools/100001/notifications"));
        // Then the board's entry is as it was
        assertThat(taken).isFalse();
        assertThat(directory.endpointFor("100001")).contains(URI.create("https://school.example/notifications"));
    }

    @Test
    void theSimulatorCreatesItsEntryAndRepointsOnlyItsOwnOnTheNextStart() {
        // Given no entry: the simulator creates its own
        assertThat(directory.registerSimulated(
                        "100002", "Sim", URI.create("http://localhost:5555/schools/100002/notifications")))
                .isTrue();
        // When it starts again with a listener on another port, it re-points its own entry
        assertThat(directory.registerSimulated(
                        "100002", "Sim", URI.create("http://localhost:6666/schools/100002/notifications")))
                .isTrue();
        assertThat(directory.endpointFor("100002"))
                .contains(URI.create("http://localhost:6666/schools/100002/notifications"));
        // And once the board sets that URN, the entry is the board's for good
        directory.register("100002", "Board's", URI.create("https://board.example/n"));
        assertThat(directory.registerSimulated(
                        "100002", "Sim", URI.create("http://localhost:7777/schools/100002/notifications")))
                .isFalse();
        assertThat(directory.endpointFor("100002")).contains(URI.create("https://board.example/n"));
    }
}

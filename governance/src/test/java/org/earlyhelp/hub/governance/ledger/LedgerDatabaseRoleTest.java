package org.earlyhelp.hub.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database role the README gives for the external run, applied as written (the SQL is read from the README, so
 * the two cannot drift): the hub's appends, checkpoints and verification work under it, while UPDATE, DELETE and
 * TRUNCATE of the ledger's entries are refused by PostgreSQL itself.
 */
class LedgerDatabaseRoleTest {

    static EmbeddedPostgres postgres;
    static DataSource owner;
    static DataSource hub;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgresMigrateAsOwnerAndApplyTheReadmeGrants() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        owner = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = owner.getConnection();
                Statement s = c.createStatement()) {
            s.execute(readmeGrants());
        }
        hub = postgres.getDatabase("hub_app", "postgres");
    }

    /** The first {@code sql} block after the README's heading for the role. */
    static String readmeGrants() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int heading = readme.indexOf("### A database role that cannot rewrite the ledger");
        assertThat(heading).as("README section for the ledger role").isNotNegative();
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(heading)).isTrue();
        return m.group(1);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static void asHub(String statement) throws SQLException {
        try (Connection c = hub.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void theHubAppendsCheckpointsAndVerifiesUnderTheRoleButCannotUpdateOrDeleteEntries() {
        // Given the hub's ledger on the restricted role
        ChainKey key = LedgerTamperTest.KEY;
        LedgerCheckpoints checkpoints = new LedgerCheckpoints(dir, key);
        DisclosureLedger ledger = new DisclosureLedger(hub, Clock.systemUTC(), key, checkpoints, 2);

        // When it appends, records a delivery, checkpoints and verifies
        List<LedgerEntry> written = ledger.append(List.of(
                LedgerTamperTest.draft("role-1"), LedgerTamperTest.draft("role-2"), LedgerTamperTest.draft("role-3")));
        ledger.recordDelivery("role-1", "schools:100001", DisclosureLedger.DeliveryStatus.DELIVERED, 1, 201);
        ledger.checkpointHead();
        LedgerVerifier.Result result = new LedgerVerifier(hub, key, checkpoints).verify();

        // Then all of that works
        assertThat(written).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.checkpoints())
                .as("the append passing entry 2 wrote one")
                .isEqualTo(1);

        // And rewriting the ledger is refused by the database
        for (String attack : List.of(
                "update ledger_entry set recipient = 'schools:999999' where seq = 2",
                "delete from ledger_entry where seq = 3",
                "truncate ledger_entry",
                "update ledger_chain set keyed_from = 100",
                "delete from ledger_chain",
                "update delivery set status = 'DEAD_LETTERED'",
                "delete from delivery")) {
            assertThatThrownBy(() -> asHub(attack))
                    .as(attack)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
        assertThat(new LedgerVerifier(hub, key, checkpoints).verify().intact()).isTrue();
    }
}

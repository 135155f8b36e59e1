package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.app.config.ChainKeyFile;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerCheckpoints;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify} and {@code ledger declare-restore} as an operator runs them, against a real PostgreSQL, with the
 * key file and checkpoint folder the embedded run keeps under its data folder.
 */
class LedgerCommandTest {

    @TempDir
    Path data;

    @Test
    void verifyNamesATruncatedTailUntilTheRestoreIsDeclared() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            // Given a ledger of 1,500 entries written by a hub with its key file and checkpoints under the data folder
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            ChainKey key = new ChainKey(ChainKeyFile.loadOrCreate(data));
            DisclosureLedger ledger = new DisclosureLedger(
                    ds, Clock.systemUTC(), key, new LedgerCheckpoints(data.resolve("ledger-checkpoints"), key), 1000);
            for (int batch = 0; batch < 15; batch++) {
                int b = batch;
                ledger.append(IntStream.range(0, 100)
                        .mapToObj(i -> draft("b" + b + "-" + i))
                        .toList());
            }
            ledger.checkpointHead();
            String url = pg.getJdbcUrl("postgres", "postgres");
            StringWriter intact = new StringWriter();
            assertThat(run(intact, "ledger", "verify", "--jdbc-url", url, "--password=", "--data-dir", data.toString()))
                    .as(intact.toString())
                    .isZero();
            assertThat(intact.toString()).contains("ledger intact: 1500 entries verified", "2 signed checkpoint(s)");

            // When the database goes back to entry 1450 (a restore from backup, or a truncation: alike in the database)
            sql(ds, "delete from ledger_entry where seq > 1450");
            sql(ds, "update ledger_head set seq = 1450, hash = (select hash from ledger_entry where seq = 1450)");

            // Then verify names a truncation and fails
            StringWriter truncated = new StringWriter();
            assertThat(run(truncated, "ledger", "verify", "--jdbc-url", url, "--password=", "--data-dir", "" + data))
                    .isEqualTo(1);
            assertThat(truncated.toString()).contains("ledger broken at entry 1451", "truncated tail");

            // And once an operator declares the restore, it verifies and says a restore was declared
            StringWriter declared = new StringWriter();
            assertThat(run(
                            declared,
                            "ledger",
                            "declare-restore",
                            "--by",
                            "ops:a-operator",
                            "--reference",
                            "CHG-4711",
                            "--jdbc-url",
                            url,
                            "--password=",
                            "--data-dir",
                            data.toString()))
                    .as(declared.toString())
                    .isZero();
            assertThat(declared.toString()).contains("restore declared at entry 1451", "1 checkpoint(s) archived");
            StringWriter after = new StringWriter();
            assertThat(run(after, "ledger", "verify", "--jdbc-url", url, "--password=", "--data-dir", "" + data))
                    .as(after.toString())
                    .isZero();
            assertThat(after.toString())
                    .contains("ledger intact: 1451", "restore(s) from backup declared at entry [1451]");
        }
    }

    @Test
    void theEmbeddedKeyFileIsMadeOnceAndReadableOnlyByItsOwner() throws Exception {
        // When
        byte[] first = ChainKeyFile.loadOrCreate(data);
        byte[] second = ChainKeyFile.loadOrCreate(data);

        // Then
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ChainKeyFile.path(data))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(ChainKeyFile.path(data).getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void withoutTheChainKeyVerifySaysWhereItLooked() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "ledger", "verify", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("no ledger chain key at", "--chain-key-file");
    }

    @Test
    void aRestoreDeclarationTakesIdsOnly() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "ledger", "declare-restore", "--by", "Jane Smith", "--reference", "CHG-1"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("are ids").doesNotContain("Jane Smith");
    }

    private static LedgerDraft draft(String key) {
        return new LedgerDraft(
                key,
                Outcome.DENY,
                "rec-" + key,
                null,
                "police",
                "none",
                null,
                null,
                null,
                null,
                List.of(),
                List.of("no agreement covers it"));
    }

    private static void sql(DataSource ds, String statement) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int run(StringWriter out, String... args) {
        return HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
    }
}

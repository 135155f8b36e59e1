package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index load} and {@code index relink} against a real PostgreSQL given by --jdbc-url. */
class IndexCommandTest {

    @Test
    void aSimulatedFileLoadsIntoTheIndexAndASecondLoadAndARelinkChangeNothing(@TempDir Path dir) throws Exception {
        Path people = dir.resolve("people.csv");
        assertThat(run(
                        new StringWriter(),
                        "simulate",
                        "people",
                        "--records",
                        "2000",
                        "--seed",
                        "7",
                        "--output",
                        people.toString()))
                .isZero();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");

            StringWriter loaded = new StringWriter();
            int status = run(loaded, "index", "load", "--input", people.toString(), "--jdbc-url", url);
            assertThat(status).as(loaded.toString()).isZero();
            assertThat(loaded.toString()).contains("loaded 2,000 records");
            long records = count(pg, "select count(*) from person_record");
            long persons = count(pg, "select count(*) from person");
            assertThat(records).isEqualTo(2_000);
            assertThat(persons).isBetween(1_000L, 1_999L);
            assertThat(count(pg, "select count(*) from person_link where explanation is not null"))
                    .isPositive();

            StringWriter again = new StringWriter();
            assertThat(run(again, "index", "load", "--input", people.toString(), "--jdbc-url", url))
                    .isZero();
            assertThat(again.toString()).contains("2,000 already indexed");
            StringWriter relinked = new StringWriter();
            assertThat(run(relinked, "index", "relink", "--jdbc-url", url))
                    .as(relinked.toString())
                    .isZero();
            StringWriter relinkedAgain = new StringWriter();
            assertThat(run(relinkedAgain, "index", "relink", "--jdbc-url", url)).isZero();
            assertThat(relinkedAgain.toString()).contains(" 0 people merged");
            assertThat(count(pg, "select count(*) from person_record")).isEqualTo(records);
        }
    }

    @Test
    void withoutADatabaseItSaysWhereItLooked(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        assertThat(run(out, "index", "relink", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("no embedded database at").contains("--jdbc-url");
    }

    private static long count(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int run(StringWriter out, String... args) {
        return HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
    }
}

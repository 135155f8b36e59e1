package org.earlyhelp.hub.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for a test class: embedded, started once per class, with every migration on the test's classpath
 * applied (each module's {@code db/migration}), closed by {@link #close()} (an {@code @AfterAll}).
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataSource dataSource;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = postgres.getPostgresDatabase();
    }

    /** Starts a database and applies the migrations of the classpath. */
    public static TestDatabase migrated() {
        TestDatabase db = empty();
        Flyway.configure()
                .dataSource(db.dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }

    /** Starts a database with nothing in it. */
    public static TestDatabase empty() {
        try {
            return new TestDatabase(EmbeddedPostgres.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A JDBC URL for a given user and database of this instance. */
    public String jdbcUrl(String user, String database) {
        return postgres.getJdbcUrl(user, database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.earlyhelp.hub.matching.index;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A real PostgreSQL with the shipped migrations, for one test class; {@link #empty()} clears the index between tests. */
final class IndexDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataSource dataSource;

    private IndexDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    static IndexDatabase start() throws IOException {
        return new IndexDatabase(EmbeddedPostgres.start());
    }

    DataSource dataSource() {
        return dataSource;
    }

    void empty() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("truncate person, person_record, person_block_key, person_link, match_review, person_event,"
                    + " person_cannot_link, term_frequency, household_record, person_relationship cascade");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

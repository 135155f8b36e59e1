package org.earlyhelp.hub.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server run from a jar, with its data directory kept between runs. */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedPostgres start(Path dir, int port) {
        try {
            Files.createDirectories(dir.getParent());
            var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port > 0 ? port : FreePort.pick())
                    .start();
            log.info("embedded PostgreSQL started: port={} dir={}", pg.getPort(), dir.toAbsolutePath());
            return new EmbeddedPostgres(pg);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the embedded PostgreSQL did not start in " + dir + ": " + e.getMessage()
                            + " (is another hub already running on this data directory?)",
                    e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}

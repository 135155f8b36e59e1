package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * Where a command finds the hub's database: the embedded one under {@code --data-dir} (started for the command; stop
 * the hub first), or an external one by {@code --jdbc-url}. Shared by {@code ledger verify} and {@code index ...}.
 */
final class DatabaseOptions {

    @Option(names = "--data-dir", defaultValue = "data", description = "embedded data directory (default: data)")
    Path dataDir;

    @Option(names = "--jdbc-url", description = "an external PostgreSQL, e.g. jdbc:postgresql://db:5432/hub")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "postgres")
    String user;

    @Option(names = "--password", defaultValue = "", arity = "0..1", interactive = true)
    String password;

    /** What a command does with the database; returns its exit status. */
    interface Work {
        int run(DataSource dataSource) throws Exception;
    }

    /** Runs {@code work} against the database, or prints why there is none and returns 2. */
    int withDatabase(PrintWriter out, Work work) throws Exception {
        EmbeddedPostgres embedded = null;
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            // no row values in exception messages, whichever database the command uses
            ds.setLogServerErrorDetail(false);
            if (jdbcUrl == null) {
                if (!dataDir.resolve("postgres").toFile().isDirectory()) {
                    out.println("no embedded database at "
                            + dataDir.resolve("postgres").toAbsolutePath()
                            + ": run the hub once, or give --jdbc-url");
                    out.flush();
                    return 2;
                }
                embedded = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0);
                ds.setURL(embedded.jdbcUrl());
                ds.setUser(embedded.user());
                ds.setPassword(embedded.password());
            } else {
                ds.setURL(jdbcUrl);
                ds.setLogServerErrorDetail(false);
                ds.setUser(user);
                ds.setPassword(password);
            }
            return work.run(ds);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

package org.earlyhelp.hub.app.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a jar, with its data directory kept between runs. It trusts no one: every
 * connection, local or over TCP, must give the password (scram-sha-256), which is generated on the first start and
 * kept 0600 in the data folder ({@value #PASSWORD_FILE}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    /** Where, under its data directory, the server writes its own log. */
    public static final String LOG_DIRECTORY = "log";

    /** The driver leaves the server's error detail (which quotes the row) out of exception messages. */
    public static final String DRIVER_OPTIONS = "?logServerErrorDetail=false";

    /** The superuser's password, beside the database's folder in the data folder. */
    public static final String PASSWORD_FILE = "postgres.password";

    static final String HBA =
            """
            # Written by the hub on every start: every connection must give the password (never trust).
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
    private final String password;

    private final FileChannel lock;
    private final boolean stoppedLeftover;

    private EmbeddedPostgres(
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg,
            String password,
            FileChannel lock,
            boolean stoppedLeftover) {
        this.pg = pg;
        this.password = password;
        this.lock = lock;
        this.stoppedLeftover = stoppedLeftover;
    }

    /** Whether starting meant stopping a server a killed hub had left on the data directory. */
    public boolean stoppedLeftoverServer() {
        return stoppedLeftover;
    }

    public static EmbeddedPostgres start(Path dir, int port) {
        try {
            PrivateFolder.create(dir.getParent());
            FileChannel lockFile = FileChannel.open(
                    dir.getParent().resolve(".hub.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                lockFile.close();
                throw new IllegalStateException(
                        "another hub is running on " + dir.getParent().toAbsolutePath()
                                + ": stop it first, or give this one its own --hub.embedded.data-dir");
            }
            boolean stoppedLeftover = stopOrphanedServer(dir);
            boolean initialised = Files.exists(dir.resolve("postgresql.conf"));
            // a data directory made before the hub set a password still trusts: it is given one after this start
            boolean trusting = initialised && trusts(dir);
            Path passwordFile = dir.getParent().resolve(PASSWORD_FILE);
            String password = PrivateFolder.secret(passwordFile);
            PrivateFolder.create(dir);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
            if (!initialised) {
                // initdb takes these after the library's own "-A trust": the last method given wins
                builder.setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                        .setLocaleConfig("auth", "scram-sha-256");
            }
            builder.setConnectConfig("password", password).setDataDirectoryCustomizer(d -> {
                if (!trusting) {
                    writeHba(d.toPath());
                }
            });
            var pg = builder.setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    // the application closes it after everything that uses it; the library's own hook would stop
                    // it at the first signal, in the middle of the hub's graceful shutdown
                    .setRegisterShutdownHook(false)
                    .setPort(port > 0 ? port : FreePort.pick())
                    // the library's defaults trade durability for speed; the ledger must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // no personal data in the server's log: a failing statement, and the error itself, can quote
                    // the values it was handed ("invalid input syntax for type date: ..."). The server's own log
                    // (startup, checkpoints, fatal errors) goes to files under <data-dir>/log.
                    .setServerConfig("log_statement", "none")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setServerConfig("log_min_messages", "log")
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_duration_statement", "-1")
                    .setServerConfig("log_parameter_max_length", "0")
                    .setServerConfig("log_parameter_max_length_on_error", "0")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", LOG_DIRECTORY)
                    .start();
            if (trusting) {
                requirePassword(pg, dir, password);
            }
            log.info("embedded PostgreSQL started: port={} dir={}", pg.getPort(), dir.toAbsolutePath());
            return new EmbeddedPostgres(pg, password, lockFile, stoppedLeftover);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the embedded PostgreSQL did not start in " + dir + ": " + e.getMessage()
                            + " (is another hub already running on this data directory?)",
                    e);
        }
    }

    static boolean trusts(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readAllLines(hba).stream()
                        .map(String::strip)
                        .filter(l -> !l.startsWith("#"))
                        .anyMatch(l -> l.matches(".*\\btrust\\b.*"));
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write pg_hba.conf in " + dir, e);
        }
    }

    /** Gives a data directory that trusted every local user the password, then requires it from then on. */
    private static void requirePassword(
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, Path dir, String password) throws IOException {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("the password in " + PASSWORD_FILE + " must be base64url characters");
        }
        try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role postgres password '" + password + "'");
            writeHba(dir);
            s.execute("select pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("could not give the embedded PostgreSQL its password", e);
        }
        log.info("the embedded PostgreSQL now requires a password: dir={}", dir.toAbsolutePath());
    }

    /**
     * PostgreSQL runs as its own (daemonised) process: when the hub is killed (SIGKILL) the server lives on, holding
     * the data directory. The hub holds an OS file lock on the data directory while it runs, which the OS releases
     * however the hub dies; so a server found on the directory while the lock is free is a leftover, and is stopped
     * so the restarted hub recovers on the same data.
     */
    static boolean stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return false; // unreadable: let PostgreSQL itself judge the lock file
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("postgres"));
        if (server.isEmpty()) {
            return false;
        }
        server.get().destroy(); // SIGTERM: its clients died with the hub, so this ends quickly
        try {
            server.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.get().destroyForcibly();
            server.get().onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping a leftover PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("could not stop a leftover PostgreSQL", e);
        }
        return true;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres" + DRIVER_OPTIONS;
    }

    public String user() {
        return "postgres";
    }

    /** The superuser's password (never logged). */
    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        try {
            pg.close();
        } finally {
            lock.close();
        }
    }
}

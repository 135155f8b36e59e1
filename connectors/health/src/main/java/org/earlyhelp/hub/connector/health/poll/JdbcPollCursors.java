package org.earlyhelp.hub.connector.health.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Cursors in PostgreSQL ({@code health_poll_cursor}), shared by every hub instance on the database, with the lease a
 * session advisory lock on a connection of its own: an instance that dies releases it with its connection, so another
 * takes over at its next poll and resumes from the saved cursor.
 */
public final class JdbcPollCursors implements PollCursors {

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcPollCursors(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<java.time.Instant> load(String source, String resourceType) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select last_updated from health_poll_cursor where source = ? and resource_type = ?")) {
            s.setString(1, source);
            s.setString(2, resourceType);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the poll cursor", e);
        }
    }

    @Override
    public void save(String source, String resourceType, java.time.Instant lastUpdated) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into health_poll_cursor"
                        + " (source, resource_type, last_updated, updated_at) values (?, ?, ?, ?)"
                        + " on conflict (source, resource_type) do update set last_updated ="
                        + " greatest(health_poll_cursor.last_updated, excluded.last_updated),"
                        + " updated_at = excluded.updated_at")) {
            s.setString(1, source);
            s.setString(2, resourceType);
            s.setTimestamp(3, Timestamp.from(lastUpdated));
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the poll cursor", e);
        }
    }

    @Override
    public Optional<AutoCloseable> tryLock(String source) {
        long key = key(source);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            boolean locked;
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    locked = rs.getBoolean(1);
                }
            }
            if (!locked) {
                c.close();
                return Optional.empty();
            }
            Connection held = c;
            return Optional.of(() -> {
                try (held;
                        PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
                    s.setLong(1, key);
                    s.execute();
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the lock, if taken, goes with the connection
                }
            }
            throw new IllegalStateException("could not take the poll lease", e);
        }
    }

    /** A stable 64-bit key for the source, in a namespace of its own. */
    static long key(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("health-poll\n" + source).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

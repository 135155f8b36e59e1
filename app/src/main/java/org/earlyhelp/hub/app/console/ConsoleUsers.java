package org.earlyhelp.hub.app.console;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's local users, in PostgreSQL (so every hub instance signs in the same people). The embedded run seeds a
 * demonstration board, one user per party and a reviewer, all with the demonstration password; an external run seeds
 * nothing and signs users in through the council's identity provider.
 */
public final class ConsoleUsers implements UserDetailsService {

    /** The demonstration board, from {@code console/demo-board.yaml} (configuration: it names the parties). */
    static List<ConsoleUser> demoBoard() {
        try (java.io.InputStream in = ConsoleUsers.class.getResourceAsStream("/console/demo-board.yaml")) {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(in);
            List<ConsoleUser> out = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode u : root.path("users")) {
                List<String> roles = new java.util.ArrayList<>();
                u.path("roles").forEach(r -> roles.add(r.asText()));
                out.add(new ConsoleUser(
                        u.path("username").asText(),
                        u.path("name").asText(),
                        u.path("party").asText(),
                        roles));
            }
            return out;
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("could not read console/demo-board.yaml", e);
        }
    }

    private final DataSource dataSource;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public ConsoleUsers(DataSource dataSource, PasswordEncoder passwords, Clock clock) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Adds the demonstration board (each user once; an existing user is left as it is). */
    public void seedDemo(String password) {
        for (ConsoleUser u : demoBoard()) {
            add(u, password, true);
        }
    }

    public void add(ConsoleUser user, String password, boolean demo) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into console_user (username, display_name, party,"
                        + " roles, password_hash, demo, created_at) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (username) do nothing")) {
            s.setString(1, user.username());
            s.setString(2, user.displayName());
            s.setString(3, user.party());
            s.setArray(4, c.createArrayOf("text", user.roles().toArray()));
            s.setString(5, passwords.encode(password));
            s.setBoolean(6, demo);
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a console user", e);
        }
    }

    public Optional<ConsoleUser> find(String username) {
        return row(username).map(Row::user);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Row row = row(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(row.user().username())
                .password(row.hash())
                .authorities(row.user().roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList())
                .build();
    }

    private record Row(ConsoleUser user, String hash) {}

    private Optional<Row> row(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select username, display_name, party, roles, password_hash"
                        + " from console_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array roles = rs.getArray(4);
                return Optional.of(new Row(
                        new ConsoleUser(rs.getString(1), rs.getString(2), rs.getString(3), Arrays.asList((String[])
                                roles.getArray())),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read console users", e);
        }
    }
}

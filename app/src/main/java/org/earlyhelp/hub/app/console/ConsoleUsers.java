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

    /** The demonstration board: username, name, party, roles. */
    static final List<ConsoleUser> DEMO_BOARD = List.of(
            new ConsoleUser(
                    "dpo",
                    "A. Iqbal, Data Protection Officer",
                    "council",
                    List.of(ConsoleUser.BOARD, ConsoleUser.REVIEWER, ConsoleUser.SUBJECT_ACCESS)),
            new ConsoleUser("police", "D. Marsh, Detective Superintendent", "police", List.of(ConsoleUser.BOARD)),
            new ConsoleUser(
                    "schools", "R. Owusu, Head of Education Safeguarding", "schools", List.of(ConsoleUser.BOARD)),
            new ConsoleUser("health", "S. Kaur, Designated Nurse", "health", List.of(ConsoleUser.BOARD)),
            new ConsoleUser("housing", "M. Byrne, Head of Housing Options", "housing", List.of(ConsoleUser.BOARD)),
            new ConsoleUser("casesystem", "J. Adeyemi, Head of Early Help", "casesystem", List.of(ConsoleUser.BOARD)),
            new ConsoleUser(
                    "reviewer", "T. Hall, Information Governance Officer", "council", List.of(ConsoleUser.REVIEWER)));

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
        for (ConsoleUser u : DEMO_BOARD) {
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

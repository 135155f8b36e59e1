package org.earlyhelp.hub.app.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code credential} table: issue, list, revoke, and the active credentials by token hash. Shared by every hub
 * instance and the board's command line; each instance reads it through its {@link CredentialCache}.
 */
public final class CredentialStore {

    private static final String COLUMNS = "id, organisation, label, development, issued_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CredentialStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Makes a new token for the organisation; only its hash is stored. */
    public Credential.Issued issue(Organisation organisation, String label) {
        if (label != null && label.length() > 200) {
            throw new IllegalArgumentException("a label is at most 200 characters");
        }
        String token = Tokens.newToken();
        Credential credential = new Credential(Tokens.newId(), organisation, label, false, now(), null);
        insert(credential, Tokens.sha256(token));
        return new Credential.Issued(credential, token);
    }

    /** Every credential, revoked ones too, oldest first. */
    public List<Credential> list() {
        return jdbc.query("select " + COLUMNS + " from credential order by issued_at, id", CredentialStore::map);
    }

    public Optional<Credential> find(String id) {
        return jdbc.query("select " + COLUMNS + " from credential where id = ?", CredentialStore::map, id).stream()
                .findFirst();
    }

    /** Revokes a credential; empty when there is no such credential or it was revoked already. */
    public Optional<Credential> revoke(String id) {
        int changed =
                jdbc.update("update credential set revoked_at = ? where id = ? and revoked_at is null", ts(now()), id);
        return changed == 0 ? Optional.empty() : find(id);
    }

    /** Removes a credential that was never usable (its issue could not be recorded in the ledger). */
    void forget(String id) {
        jdbc.update("delete from credential where id = ?", id);
    }

    /** Active credentials by the hex of their token's SHA-256. */
    Map<String, Credential> activeByHash() {
        Map<String, Credential> byHash = new HashMap<>();
        jdbc.query("select token_sha256, " + COLUMNS + " from credential where revoked_at is null", rs -> {
            byHash.put(HexFormat.of().formatHex(rs.getBytes("token_sha256")), map(rs, 0));
        });
        return byHash;
    }

    /** Adds each development credential that is not there yet; returns those added. */
    List<Credential> seedDevelopment() {
        List<Credential> added = new java.util.ArrayList<>();
        DevelopmentCredentials.TOKENS.forEach((token, organisation) -> {
            Credential c = new Credential(
                    DevelopmentCredentials.idOf(organisation), organisation, "development", true, now(), null);
            int rows = jdbc.update(
                    "insert into credential (id, organisation, label, token_sha256, development, issued_at)"
                            + " values (?, ?, ?, ?, true, ?) on conflict do nothing",
                    c.id(),
                    organisation.toString(),
                    c.label(),
                    Tokens.sha256(token),
                    ts(c.issuedAt()));
            if (rows == 1) {
                added.add(c);
            }
        });
        return added;
    }

    /** Usable credentials that are development ones, by flag or by the hash of a published token. */
    List<Credential> activeDevelopment() {
        Set<String> published = DevelopmentCredentials.hashes();
        return activeByHash().entrySet().stream()
                .filter(e -> e.getValue().development() || published.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private void insert(Credential c, byte[] hash) {
        jdbc.update(
                "insert into credential (id, organisation, label, token_sha256, development, issued_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                c.id(),
                c.organisation().toString(),
                c.label(),
                hash,
                c.development(),
                ts(c.issuedAt()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static Credential map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Credential(
                rs.getString("id"),
                Organisation.parse(rs.getString("organisation")),
                rs.getString("label"),
                rs.getBoolean("development"),
                rs.getTimestamp("issued_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}

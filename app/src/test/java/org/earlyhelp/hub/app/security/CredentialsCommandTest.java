package org.earlyhelp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.governance.access.Organisation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code credentials issue | list | revoke} against a real PostgreSQL given by --jdbc-url. */
class CredentialsCommandTest {

    static final byte[] CHAIN_KEY = "a chain key of at least 32 bytes, for tests only".getBytes();

    static EmbeddedPostgres pg;
    static String url;
    static java.nio.file.Path chainKeyFile;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.start();
        url = pg.getJdbcUrl("postgres", "postgres");
        chainKeyFile = java.nio.file.Files.createTempFile("chain", ".key");
        java.nio.file.Files.writeString(
                chainKeyFile, java.util.Base64.getEncoder().encodeToString(CHAIN_KEY));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void anIssuedTokenIsShownOnceStoredOnlyAsItsHashAndWorksUntilRevokedOnEveryInstance() throws Exception {
        // Given the board issues a credential for one school
        StringWriter out = new StringWriter();
        assertThat(run(
                        out,
                        "credentials",
                        "issue",
                        "--organisation",
                        "schools:100042",
                        "--label",
                        "MIS",
                        "--jdbc-url",
                        url))
                .as(out.toString())
                .isZero();
        Matcher m = Pattern.compile("credential (cred-[0-9a-f]{16}) for schools:100042\\R.*\\R(hub_[A-Za-z0-9_-]{43})")
                .matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        String id = m.group(1);
        String token = m.group(2);
        // Then the table holds its SHA-256, never the token, and 'list' shows the id and organisation but no token
        DataSource ds = pg.getPostgresDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject(
                        "select count(*) from credential where token_sha256 = ?", Long.class, Tokens.sha256(token)))
                .isEqualTo(1);
        StringWriter listed = new StringWriter();
        assertThat(run(listed, "credentials", "list", "--jdbc-url", url)).isZero();
        assertThat(listed.toString()).contains(id, "schools:100042", "MIS").doesNotContain(token);
        // and two hub instances on that database accept it as that school
        CredentialStore store = new CredentialStore(ds, Clock.systemUTC());
        try (CredentialCache one = new CredentialCache(store, Duration.ofMillis(200), Clock.systemUTC());
                CredentialCache two = new CredentialCache(store, Duration.ofMillis(200), Clock.systemUTC())) {
            assertThat(one.find(token)).hasValueSatisfying(c -> assertThat(c.organisation())
                    .isEqualTo(new Organisation("schools", "100042")));
            assertThat(two.find(token)).isPresent();
            // When the board revokes it
            StringWriter revoked = new StringWriter();
            assertThat(run(revoked, "credentials", "revoke", id, "--jdbc-url", url))
                    .isZero();
            // Then both instances refuse it once their cache refreshes, without a restart
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> one.find(token).isEmpty() && two.find(token).isEmpty());
        }
        // and revoking it again says there is no such active credential
        StringWriter again = new StringWriter();
        assertThat(run(again, "credentials", "revoke", id, "--jdbc-url", url)).isEqualTo(1);
        assertThat(again.toString()).contains("no active credential");
    }

    @Test
    void aMalformedOrganisationIsRefusedWithoutAStackTrace() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "credentials", "issue", "--organisation", "schools", "--jdbc-url", url))
                .isEqualTo(2);
        assertThat(out.toString()).contains("kind:id").doesNotContain("Exception");
    }

    @Test
    void developmentCredentialsAreFoundByFlagOrByTheHashOfAPublishedToken() throws Exception {
        DataSource ds = pg.getPostgresDatabase();
        run(new StringWriter(), "credentials", "list", "--jdbc-url", url); // migrates
        CredentialAdministration admin = new CredentialAdministration(
                ds,
                Clock.systemUTC(),
                new org.earlyhelp.hub.governance.ledger.DisclosureLedger(
                        ds, Clock.systemUTC(), new org.earlyhelp.hub.governance.ledger.ChainKey(CHAIN_KEY)));
        admin.seedDevelopment();
        assertThat(admin.seedDevelopment()).as("seeding twice adds nothing").isEmpty();
        assertThat(admin.activeDevelopment()).hasSize(DevelopmentCredentials.TOKENS.size());
        // a published token smuggled in without the flag is still found
        new JdbcTemplate(ds).update("update credential set development = false where id = 'dev-police-derbyshire'");
        assertThat(admin.activeDevelopment()).extracting(Credential::id).contains("dev-police-derbyshire");
        for (Credential c : admin.activeDevelopment()) {
            admin.revoke(c.id(), "test");
        }
        assertThat(admin.activeDevelopment()).isEmpty();
    }

    private static int run(StringWriter out, String... args) {
        String[] withKey = java.util.Arrays.copyOf(args, args.length + 2);
        withKey[args.length] = "--chain-key-file";
        withKey[args.length + 1] = chainKeyFile.toString();
        return HubCommandLine.run(withKey, new PrintWriter(out), new PrintWriter(out));
    }
}

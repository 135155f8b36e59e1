package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.app.security.CredentialCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The attacks of the review's finding 4 and their kin, performed on a running hub, each shown to fail. */
class HubSecurityIT extends SecuredHub {

    static final String ERROR_SHAPE = "\\{\"errors\":\\[\\{\"field\":null,\"reason\":\"[^\"]+\"}]}";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CredentialCache credentials;

    @Value("${spring.datasource.password:}")
    String password;

    /** The chain key lives beside the embedded database, not in it: the command finds it through the data folder. */
    @Value("${hub.embedded.data-dir}")
    String dataDir;

    @Test
    void pathTricksNeverReachAControllerUnauthenticated() throws Exception {
        // path parameters, encoded slashes and dots, doubled slashes: refused outright by the firewall
        for (String path : List.of(
                "/api;x=1/ledger/verify",
                "/api/ledger;x=1/verify",
                "/api/ledger/verify;jsessionid=1",
                "//api/ledger/verify",
                "/api/%2e%2e/api/ledger/verify",
                "/x/../api/ledger/verify")) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertThat(r.statusCode()).as(path).isIn(400, 401);
            assertThat(r.body()).as(path).matches(ERROR_SHAPE);
        }
        // an encoded slash: refused by the servlet container itself, before any filter
        assertThat(send("GET", "/api%2Fledger/verify", null, null).statusCode()).isEqualTo(400);
        // an encoded letter, another case, a trailing slash: matched on the decoded path, so the rules still hold
        for (String path :
                List.of("/%61pi/ledger/verify", "/API/ledger/verify", "/api/ledger/verify/", "/api/Ledger/verify")) {
            assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send("GET", "/%61pi/ledger/verify", "police-dev-token", null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/%61pi/ledger/verify", "governance-dev-token", null)
                        .statusCode())
                .isEqualTo(200);
        // and a refusal has the one error shape
        HttpResponse<String> none = send("GET", "/api/ledger/verify", null, null);
        assertThat(none.body()).matches(ERROR_SHAPE);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(send("GET", "/api/ledger/verify", "police-dev-token", null).body())
                .matches(ERROR_SHAPE);
        assertThat(send("GET", "/api/ledger/verify", "not-a-token", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnauthenticated40MegabyteBodyIsRefusedAtOnceAndAnOversizedOneGets413() throws Exception {
        // Given a client declaring 40 MB and sending only 64 KB of it, with no credential
        long t0 = System.nanoTime();
        RawHttp.Answer anonymous = RawHttp.partial(
                port, "POST", "/api/police/incidents", null, 40L << 20, 64 << 10, Duration.ofSeconds(5));
        // Then the hub answers 401 at once, without waiting for the rest
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        // and to the police credential, 413 from the declared length alone
        RawHttp.Answer police = RawHttp.partial(
                port, "POST", "/api/police/incidents", "police-dev-token", 40L << 20, 64 << 10, Duration.ofSeconds(5));
        assertThat(police.status()).isEqualTo(413);
        // one byte over the limit is too much, declared or chunked
        assertThat(RawHttp.partial(
                                port,
                                "POST",
                                "/api/schools/attendance",
                                "schools-dev-token",
                                (1 << 20) + 1,
                                16,
                                Duration.ofSeconds(5))
                        .status())
                .isEqualTo(413);
        assertThat(RawHttp.partial(
                                port,
                                "POST",
                                "/api/schools/attendance",
                                "schools-dev-token",
                                -1,
                                (1 << 20) + (64 << 10),
                                Duration.ofSeconds(10))
                        .status())
                .isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsHandedOnWhole() throws Exception {
        byte[] incident =
                OperationEncompassIT.incident("DA/CHUNKED/1", "200001", null).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/police/incidents"))
                .header("Authorization", "Bearer police-dev-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(incident)))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @Test
    void healthIsPublicWithoutDetailsAndMetricsNeedTheGovernanceCredential() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
        assertThat(send("GET", "/actuator/health", "police-dev-token", null).body())
                .doesNotContain("components");
        assertThat(send("GET", "/actuator/health", "governance-dev-token", null).body())
                .contains("components");
        for (String path : List.of("/actuator/health/db", "/actuator/metrics", "/actuator/info", "/actuator")) {
            assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(send("GET", path, "schools-dev-token", null).statusCode())
                    .as(path)
                    .isEqualTo(403);
            assertThat(send("GET", path, "governance-dev-token", null).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void aJwtFromTheCouncilsIdentityProviderIsACredentialOfItsOrganisation() throws Exception {
        // a case-system professional's token reaches the family view (400: no record named), not the ledger
        String casesystem = jwt("casesystem:early-help-north", c -> {});
        assertThat(send("GET", "/api/family-view", casesystem, null).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/ledger/verify", casesystem, null).statusCode())
                .isEqualTo(403);
        // a police token may not post another partner's records
        assertThat(send("POST", "/api/casesystem/involvements", jwt("police:derbyshire", c -> {}), "{}")
                        .statusCode())
                .isEqualTo(403);
        // wrong audience, wrong issuer, expired, no organisation: 401
        java.util.Date past = new java.util.Date(System.currentTimeMillis() - 3_600_000);
        for (String bad : List.of(
                jwt("casesystem:early-help-north", c -> c.audience("another-service")),
                jwt("casesystem:early-help-north", c -> c.issuer("https://evil.example/")),
                jwt("casesystem:early-help-north", c -> c.issueTime(past).expirationTime(past)),
                jwt("casesystem:early-help-north", c -> c.claim("hub_org", null)))) {
            assertThat(send("GET", "/api/family-view", bad, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void halfNamingTheProfessionalIsA400() throws Exception {
        HttpResponse<String> r =
                send("GET", "/api/family-view", "casesystem-dev-token", null, "X-Hub-Professional", "u-1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).matches(ERROR_SHAPE);
        assertThat(send(
                                "GET",
                                "/api/family-view",
                                "casesystem-dev-token",
                                null,
                                "X-Hub-Professional",
                                "u-1",
                                "X-Hub-Professional-Role",
                                "lead-practitioner")
                        .statusCode())
                .isEqualTo(400); // the view's own 400: no record named; the headers were accepted
    }

    @Test
    void tooManyRequestsFromOneCredentialGet429AndOthersAreUnaffected() throws Exception {
        // Given a fresh credential (the IT's bucket: 120 at once, 5 a second)
        String token = issue("schools:100777");
        credentials.refresh();
        // When it makes 200 requests as fast as it can
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(send("GET", "/api/family-view", token, null));
        }
        // Then the burst passes (400: the view's own answer to a request naming no record) and later ones get 429
        assertThat(responses.subList(0, 100))
                .extracting(HttpResponse::statusCode)
                .containsOnly(400);
        HttpResponse<String> limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in 200 requests from one credential"));
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).matches(ERROR_SHAPE);
        // and another school's credential is not slowed
        assertThat(send("GET", "/api/family-view", "school-654321-dev-token", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aCredentialRevokedByTheBoardStopsWorkingWithinAMinuteWithoutARestart() throws Exception {
        // Given a credential issued by the board's command and in use
        String token = issue("governance:board");
        credentials.refresh();
        assertThat(send("GET", "/api/ledger/verify", token, null).statusCode()).isEqualTo(200);
        String id = jdbc.queryForObject(
                "select id from credential where organisation = 'governance:board' and not development"
                        + " and revoked_at is null order by issued_at desc limit 1",
                String.class);
        // When the board revokes it with the command (another process, as far as this hub knows)
        assertThat(cli(
                        "credentials",
                        "revoke",
                        id,
                        "--jdbc-url",
                        jdbcUrl(),
                        "--password=" + password,
                        "--data-dir",
                        dataDir))
                .contains("revoked " + id);
        // Then within a minute it is refused, with no refresh called
        await().atMost(Duration.ofSeconds(61))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> send("GET", "/api/ledger/verify", token, null).statusCode() == 401);
    }

    private String issue(String organisation) throws Exception {
        String out = cli(
                "credentials",
                "issue",
                "--organisation",
                organisation,
                "--jdbc-url",
                jdbcUrl(),
                "--password=" + password,
                "--data-dir",
                dataDir);
        Matcher m = Pattern.compile("(hub_[A-Za-z0-9_-]{43})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private String jdbcUrl() throws Exception {
        try (var c = jdbc.getDataSource().getConnection()) {
            return c.getMetaData().getURL();
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        HubCommandLine.run(args, new PrintWriter(out), new PrintWriter(out));
        return out.toString();
    }
}

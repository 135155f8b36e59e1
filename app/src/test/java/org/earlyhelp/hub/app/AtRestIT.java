package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.earlyhelp.hub.app.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub at rest and in transit, on the running hub (real embedded Kafka and PostgreSQL), serving its own HTTPS with a
 * keystore this test makes: what it keeps on disk, who may read it, and who may connect to its database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=" + AtRestIT.DATA,
            "hub.simulator.enabled=false",
            "hub.retention.first-purge-after=PT1S",
            "hub.retention.purge-every=PT2S",
            "server.ssl.enabled=true",
            "server.ssl.key-store=" + AtRestIT.KEYSTORE,
            "server.ssl.key-store-type=PKCS12",
            "server.ssl.key-store-password=" + AtRestIT.STORE_PASSWORD,
            "server.ssl.key-alias=hub"
        })
class AtRestIT {

    static final String DATA = "target/it-data/at-rest";
    static final String KEYSTORE = "target/it-data/at-rest-keystore.p12";
    static final String STORE_PASSWORD = "test-store-password";
    static final String NOTES = "Quillfeather-4471 said the neighbour saw everything";

    static {
        // a fresh data folder, and a self-signed certificate for localhost made with the JDK's keytool
        try {
            Path data = Path.of(DATA);
            if (Files.exists(data)) {
                try (Stream<Path> all = Files.walk(data)) {
                    all.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(Path.of(KEYSTORE).getParent());
            Files.deleteIfExists(Path.of(KEYSTORE));
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "hub",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            KEYSTORE,
                            "-storepass",
                            STORE_PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.springframework.test.context.DynamicPropertySource
    static void agreements(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add(
                "hub.agreements.dir",
                () -> Path.of("..", "agreements").toAbsolutePath().normalize().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Test
    void officersNotesAreNeitherInKafkaNorInTheRecordStoreNorAnywhereInTheDataFolder() throws Exception {
        // Given an incident whose officer notes are distinctive, posted over HTTPS
        String reference = "DA/AT-REST/" + UUID.randomUUID();
        String body = OperationEncompassIT.incident(reference, "200001", null)
                .replace("Perpetrator shouted at officers; victim disclosed previous assaults", NOTES);
        HttpResponse<String> accepted = https("POST", "/api/police/incidents", "police-dev-token", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String recordId =
                OperationEncompassIT.json.readTree(accepted.body()).get("id").asText();
        // When the hub has stored it (Kafka, then the record store)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from hub_record where record_id = ?", Integer.class, recordId)
                        == 1);
        jdbc.execute("checkpoint");
        // Then the incident is there (its reference is found in the Kafka segments: the search can find things)
        byte[] ref = reference.getBytes(StandardCharsets.UTF_8);
        assertThat(filesContaining(Path.of(DATA, "kafka"), ref)).isNotEmpty();
        // but the notes are in no file of the data folder: not Kafka's segments, not PostgreSQL's tables or WAL
        assertThat(filesContaining(Path.of(DATA), NOTES.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from hub_record where position(convert_to(?, 'UTF8') in body) > 0",
                        Integer.class,
                        "Quillfeather"))
                .isZero();
        // while the people, needed to resolve them, are kept
        assertThat(jdbc.queryForObject(
                        "select count(*) from hub_record where record_id = ? and position(convert_to('Amy', 'UTF8')"
                                + " in body) > 0",
                        Integer.class,
                        recordId))
                .isEqualTo(1);
    }

    @Test
    void clinicalNotesPostedAsARecordAreNeitherInKafkaNorInTheRecordStore() throws Exception {
        // Given a health involvement with distinctive clinical notes
        HttpResponse<String> accepted = https(
                "POST",
                "/api/health/involvements",
                "health-dev-token",
                """
                {"type": "health-involvement",
                 "people": [{"ref": "h", "role": "CHILD", "givenName": "Orla", "familyName": "Brackenridge",
                    "dateOfBirth": "2015-03-04", "address": {"lines": ["3 Mill Rd"], "postcode": "S41 7AB"}}],
                 "involvement": {"service": "school-nursing", "since": "2025-01-15", "team": "Chesterfield 0-19",
                    "clinicalNotes": "Wintergreen-9902 clinical observation"}}
                """);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String recordId =
                OperationEncompassIT.json.readTree(accepted.body()).get("id").asText();
        // When it is stored
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from hub_record where record_id = ?", Integer.class, recordId)
                        == 1);
        // Then the service is kept (it is found on Kafka) and the notes are nowhere in the data folder
        assertThat(filesContaining(Path.of(DATA, "kafka"), "Brackenridge".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(filesContaining(Path.of(DATA), "Wintergreen-9902".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void theRunningHubPurgesOnItsScheduleWhatNoAgreementKeepsAndLedgersIt() {
        // Given a stored record no agreement could release or lets its provider ask about (housing is no recipient)
        String id = "retention-probe-" + UUID.randomUUID();
        jdbc.update(
                "insert into hub_record (record_id, provider, kind, type, received_at, body)"
                        + " values (?, 'housing', 'STATE', 'tenancy', now() - interval '1 day', '\\x00')",
                id);
        // When the scheduled purge has run
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from hub_record where record_id = ?", Integer.class, id)
                                == 0);
        // Then its PURGE entry names it, and the records every agreement keeps for a year are still there
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'PURGE' and actor = 'hub'"
                                + " and details->>'recordIds' like ? and details->>'retention' = 'none'",
                        Integer.class,
                        "%" + id + "%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'PURGE'"
                                + " and details->>'provider' <> 'housing'",
                        Integer.class))
                .isZero();
    }

    @Test
    void theDataFolderAndEverythingUnderItIsTheHubUsersAlone() throws Exception {
        Path data = Path.of(DATA);
        // the folder, Kafka's log directory and PostgreSQL's data directory: 0700
        for (Path dir : List.of(data, data.resolve("kafka"), data.resolve("postgres"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as(dir.toString())
                    .isEqualTo("rwx------");
        }
        // the database password: 0600
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve(EmbeddedPostgres.PASSWORD_FILE))))
                .isEqualTo("rw-------");
        // the inbound topic's segment files: readable by no one else
        List<Path> segments;
        try (Stream<Path> all = Files.walk(data.resolve("kafka"))) {
            segments = all.filter(p -> p.getParent().getFileName().toString().startsWith("hub.inbound.police-"))
                    .filter(p -> p.getFileName().toString().endsWith(".log"))
                    .toList();
        }
        assertThat(segments).isNotEmpty();
        for (Path segment : segments) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(segment);
            assertThat(mode)
                    .as(segment.toString())
                    .doesNotContain(
                            PosixFilePermission.OTHERS_READ,
                            PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_WRITE);
        }
    }

    @Test
    void theEmbeddedPostgresRequiresItsPassword() throws Exception {
        // pg_hba trusts no one
        List<String> hba = Files.readAllLines(Path.of(DATA, "postgres", "pg_hba.conf")).stream()
                .filter(l -> !l.strip().startsWith("#") && !l.isBlank())
                .toList();
        assertThat(hba).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith("scram-sha-256"));
        // no password, or a wrong one, is refused; the generated one is accepted
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", ""))
                .isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", "postgres"))
                .isInstanceOf(java.sql.SQLException.class);
        String password =
                Files.readString(Path.of(DATA, EmbeddedPostgres.PASSWORD_FILE)).strip();
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", password)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void theHubServesHttpsWithTheConfiguredKeystoreAndNotPlainHttp() throws Exception {
        // over HTTPS, trusting only the test's certificate: up
        HttpResponse<String> health = https("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        // plain HTTP on the same port is not served
        HttpResponse<String> plain = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
    }

    HttpResponse<String> https(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient client;

    static synchronized HttpClient client() throws Exception {
        if (client == null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(KEYSTORE)) {
                trust.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            client = HttpClient.newBuilder().sslContext(ssl).build();
        }
        return client;
    }

    /** Every regular file under {@code dir} holding these bytes. */
    static List<Path> filesContaining(Path dir, byte[] needle) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return indexOf(Files.readAllBytes(f), needle) >= 0;
                        } catch (IOException e) {
                            return false; // removed while walking
                        }
                    })
                    .toList();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

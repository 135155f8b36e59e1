package org.earlyhelp.hub.app;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running hub (real embedded Kafka and PostgreSQL, the development credentials) that also accepts JWTs from an
 * identity provider played by this class's RSA key pair. The security ITs share it (one Spring context).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.security.rate-limit.requests-per-second=5",
            "hub.security.rate-limit.burst=120",
            "hub.security.jwt.issuer=" + SecuredHub.ISSUER,
            "hub.security.jwt.audience=" + SecuredHub.AUDIENCE
        })
abstract class SecuredHub {

    static final String ISSUER = "https://idp.council.example/realms/early-help";
    static final String AUDIENCE = "early-help-hub";
    static final KeyPair IDP;
    static final HttpClient http = HttpClient.newHttpClient();

    /** One development credential per kind. */
    static final Map<String, String> TOKENS = Map.of(
            "police", "police-dev-token",
            "schools", "schools-dev-token",
            "health", "health-dev-token",
            "housing", "housing-dev-token",
            "casesystem", "casesystem-dev-token",
            "council", "council-dev-token",
            "governance", "governance-dev-token");

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            IDP = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Path.of(
                "target", "security-it", "idp-" + ProcessHandle.current().pid() + ".pem");
        Files.createDirectories(pem.getParent());
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(IDP.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add("hub.security.jwt.public-key-location", () -> pem.toAbsolutePath()
                .toString());
    }

    /** A JWT the identity provider would issue for a professional of the organisation, changed by {@code edit}. */
    static String jwt(String organisation, Consumer<JWTClaimsSet.Builder> edit) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("u-4711")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("hub_org", organisation)
                .claim("hub_role", "lead-practitioner");
        edit.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) IDP.getPrivate()));
        return jwt.serialize();
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

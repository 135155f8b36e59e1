package org.earlyhelp.hub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A council's identity provider, played by a real HTTP listener for the console's OpenID Connect sign-in: discovery,
 * an authorisation endpoint that signs in one configured person at once and sends the browser back with a code, a
 * token endpoint that answers with an RS256 ID token carrying the nonce, the person's console roles and party, and
 * the JWKS. Only what the authorisation code flow needs, for tests.
 */
final class StandInIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "early-help-hub";
    static final String CLIENT_SECRET = "a-test-client-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private volatile Map<String, Object> person = Map.of();

    StandInIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Who signs in next: their subject, username, name, console roles ({@code hub_roles}) and party ({@code
     * hub_party}).
     */
    void signsIn(String subject, String username, String name, List<String> roles, String party) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sub", subject);
        p.put("preferred_username", username);
        p.put("name", name);
        p.put("hub_roles", roles);
        p.put("hub_party", party);
        person = p;
    }

    private void discovery(HttpExchange x) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", issuer() + "/authorize");
        d.put("token_endpoint", issuer() + "/token");
        d.put("jwks_uri", issuer() + "/jwks");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        respond(x, 200, json.writeValueAsString(d));
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || q.get("redirect_uri") == null) {
            respond(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        nonces.put(code, q.getOrDefault("nonce", ""));
        String back = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Location", back);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String nonce = nonces.remove(f.getOrDefault("code", ""));
        if (!expected.equals(auth) || nonce == null || !"authorization_code".equals(f.get("grant_type"))) {
            respond(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Date now = new Date();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .audience(CLIENT_ID)
                    .issueTime(now)
                    .expirationTime(new Date(now.getTime() + 300_000));
            person.forEach(claims::claim);
            if (!nonce.isEmpty()) {
                claims.claim("nonce", nonce);
            }
            SignedJWT id = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            id.sign(new RSASSASigner(key));
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("access_token", UUID.randomUUID().toString());
            t.put("token_type", "Bearer");
            t.put("expires_in", 300);
            t.put("scope", "openid");
            t.put("id_token", id.serialize());
            respond(x, 200, json.writeValueAsString(t));
        } catch (Exception e) {
            respond(x, 500, "{\"error\":\"server_error\"}");
        }
    }

    private void jwks(HttpExchange x) throws IOException {
        respond(x, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

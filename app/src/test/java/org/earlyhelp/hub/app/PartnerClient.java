package org.earlyhelp.hub.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A partner's system calling the running hub over HTTP with its development credential and, where the request names
 * one, the professional acting (the {@code X-Hub-Professional} headers).
 */
final class PartnerClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String token;
    private final String professional;
    private final String role;

    private PartnerClient(int port, String token, String professional, String role) {
        this.port = port;
        this.token = token;
        this.professional = professional;
        this.role = role;
    }

    static PartnerClient of(int port, String token) {
        return new PartnerClient(port, token, null, null);
    }

    /** The same credential with a named professional (user id and role). */
    PartnerClient as(String userId, String professionalRole) {
        return new PartnerClient(port, token, userId, professionalRole);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    /** Posts a record and returns the hub's id for it, failing unless it was accepted (202). */
    String accepted(String path, String body) throws Exception {
        HttpResponse<String> r = post(path, body);
        if (r.statusCode() != 202) {
            throw new AssertionError("expected 202 but was " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (professional != null) {
            b.header("X-Hub-Professional", professional).header("X-Hub-Professional-Role", role);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

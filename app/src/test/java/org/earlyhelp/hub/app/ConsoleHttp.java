package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's console session over plain HTTP, as a browser keeps it: the session cookie, and each form's CSRF token
 * read from the page that carries the form. Redirects are not followed, so a test sees where the console sends it.
 */
final class ConsoleHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    ConsoleHttp(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in with the console's own form, as {@code username}. */
    static ConsoleHttp signedIn(int port, String username, String password) throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        HttpResponse<String> signIn = console.post("/console/login", "/console/login", form);
        assertThat(signIn.statusCode()).as("sign-in").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse(""))
                .as("signed in, not sent back with an error")
                .endsWith("/console");
        return console;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code form} with the CSRF token of the form on {@code page}. */
    HttpResponse<String> post(String page, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        return send(page, path, form, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #post}, the body as bytes (a download). */
    HttpResponse<byte[]> postForBytes(String page, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        return send(page, path, form, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(
            String page, String path, Map<String, String> form, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<String> withForm = get(page);
        assertThat(withForm.statusCode()).as(page).isEqualTo(200);
        Matcher token = CSRF.matcher(withForm.body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("_csrf", token.group(1));
        String encoded = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded))
                        .build(),
                handler);
    }
}

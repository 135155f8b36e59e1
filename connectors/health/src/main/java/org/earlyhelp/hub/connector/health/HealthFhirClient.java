package org.earlyhelp.hub.connector.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earlyhelp.hub.schema.Disclosure;

/**
 * Files a disclosure with the health system as a FHIR Communication ({@code POST [base]/Communication}), with the
 * delivery id as the Communication's identifier and as an {@code If-None-Exist} condition (a FHIR conditional create:
 * a server that supports it files a retry once) and the bearer token, when configured, authenticating the hub.
 */
final class HealthFhirClient {

    private final HttpClient http;
    private final URI communications;
    private final String token;
    private final Duration timeout;

    HealthFhirClient(HttpClient http, String base, String token, Duration timeout) {
        this.http = http;
        this.communications = URI.create(base + "/Communication");
        this.token = token;
        this.timeout = timeout;
    }

    /** Completes with the status of a 2xx answer, or exceptionally with a {@link HealthDeliveryException}. */
    CompletableFuture<Integer> deliver(Disclosure disclosure) {
        byte[] body;
        try {
            body = HealthCommunications.json(HealthCommunications.of(disclosure));
        } catch (HealthDeliveryException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(communications)
                .timeout(timeout)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header(
                        "If-None-Exist",
                        "identifier=" + HealthCommunications.DELIVERY_SYSTEM + "|" + disclosure.getDeliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        if (cause instanceof HttpTimeoutException) {
                            throw new HealthDeliveryException("health FHIR server timed out", true, null, cause);
                        }
                        throw new HealthDeliveryException(
                                "health FHIR server unreachable: "
                                        + cause.getClass().getSimpleName(),
                                true,
                                null,
                                cause);
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return status;
                    }
                    throw new HealthDeliveryException(
                            "health FHIR server answered " + status,
                            HealthErrorClassifier.retriableStatus(status),
                            status,
                            null);
                });
    }
}

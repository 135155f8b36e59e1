package org.earlyhelp.hub.connector.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.earlyhelp.hub.connector.api.batch.DeliveryFailure;
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

    /** Completes with the status of a 2xx answer, or exceptionally with a {@link DeliveryFailure}. */
    CompletableFuture<Integer> deliver(Disclosure disclosure) {
        byte[] body;
        try {
            body = HealthCommunications.json(HealthCommunications.of(disclosure));
        } catch (DeliveryFailure e) {
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
        return DeliveryFailure.send(http, request.build(), "health FHIR server");
    }
}

package org.earlyhelp.hub.connector.housing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.earlyhelp.hub.connector.api.batch.DeliveryFailure;
import org.earlyhelp.hub.schema.Disclosure;

/**
 * Posts one notification to housing's webhook as JSON. The {@code Idempotency-Key} header is the disclosure's
 * delivery id, the same on every retry, so a retry is never a second notification; the bearer token, when configured,
 * authenticates the hub to housing.
 */
final class HousingWebhookClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI webhook;
    private final String token;
    private final Duration timeout;

    HousingWebhookClient(HttpClient http, ObjectMapper json, URI webhook, String token, Duration timeout) {
        this.http = http;
        this.json = json;
        this.webhook = webhook;
        this.token = token;
        this.timeout = timeout;
    }

    /** Completes with the status of a 2xx answer, or exceptionally with a {@link DeliveryFailure}. */
    CompletableFuture<Integer> deliver(Disclosure disclosure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, disclosure.getDeliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(disclosure)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return DeliveryFailure.send(http, request.build(), "housing webhook");
    }

    byte[] body(Disclosure d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", d.getDeliveryId());
        body.put("type", "housing-notification");
        body.put("recordId", d.getRecordId());
        body.put("agreement", Map.of("id", d.getAgreementId(), "version", d.getAgreementVersion()));
        body.put("purpose", d.getPurpose());
        if (d.getDeadline() != null) {
            body.put("deadline", d.getDeadline());
        }
        if (d.getRecall() != null) {
            // a recall: the provider withdrew the record; delete or correct what notificationId "recalls" delivered
            body.put("recalls", d.getRecall().getRecalls());
            body.put("recallReason", d.getRecall().getReason());
        }
        body.put("fields", new TreeMap<>(d.getFields()));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}

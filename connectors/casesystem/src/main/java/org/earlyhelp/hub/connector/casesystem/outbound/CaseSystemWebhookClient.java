package org.earlyhelp.hub.connector.casesystem.outbound;

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
 * Posts one disclosure to the case system's webhook as JSON. The {@code Idempotency-Key} header (and {@code
 * notificationId}) is the disclosure's delivery id, the same on every retry and on a replay by another hub instance,
 * so the case system can drop a repeat; the bearer token, when configured, says the post is the hub's.
 */
final class CaseSystemWebhookClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final String token;

    CaseSystemWebhookClient(HttpClient http, ObjectMapper json, Duration timeout, String token) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.token = token;
    }

    /** Completes with the HTTP status of a delivery, or exceptionally with a {@link DeliveryFailure}. */
    CompletableFuture<Integer> deliver(URI webhook, Disclosure disclosure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, disclosure.getDeliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(disclosure)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return DeliveryFailure.send(http, request.build(), "webhook");
    }

    /** The webhook's body: who it is for, under which agreement and purpose, and exactly the released fields. */
    byte[] body(Disclosure d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", d.getDeliveryId());
        body.put("recordId", d.getRecordId());
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("partner", d.getRecipient().getPartner());
        recipient.put("team", d.getRecipient().getAddress());
        body.put("recipient", recipient);
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

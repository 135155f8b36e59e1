package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earlyhelp.hub.schema.Disclosure;

/**
 * Posts one notification to a school (or the council's EHE team): its kind is the purpose of the agreement that
 * licensed it (Operation Encompass is {@code safeguarding/domestic-abuse-notification}), never assumed. The {@code Idempotency-Key} header is the disclosure's
 * delivery id, the same on every retry, so a retry is never a second notification.
 */
class SchoolsNotificationClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    SchoolsNotificationClient(HttpClient http, ObjectMapper json, Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Sends one notification; the future completes with the HTTP status of a successful delivery, or exceptionally
     * with a {@link SchoolDeliveryException} saying whether a retry may succeed.
     */
    CompletableFuture<Integer> deliver(URI endpoint, Disclosure disclosure) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, disclosure.getDeliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(disclosure)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof HttpTimeoutException) {
                    throw new SchoolDeliveryException("timed out", true, null, cause);
                }
                throw new SchoolDeliveryException(
                        "I/O failure: " + cause.getClass().getSimpleName(), true, null, cause);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return status;
            }
            throw new SchoolDeliveryException(
                    "school endpoint answered " + status, SchoolsErrorClassifier.retriableStatus(status), status, null);
        });
    }

    byte[] body(Disclosure d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", d.getDeliveryId());
        // what kind of notification this is comes from the agreement that licensed it: its purpose and id
        body.put("type", d.getPurpose());
        body.put(
                "recipient",
                Map.of(
                        "partner",
                        d.getRecipient().getPartner(),
                        "address",
                        d.getRecipient().getAddress()));
        if (!SchoolsConnector.EHE_TEAM.equals(d.getRecipient().getAddress())) {
            body.put("school", Map.of("urn", d.getRecipient().getAddress()));
        }
        if (d.getDeadline() != null) {
            body.put("acknowledge", "POST /api/schools/acknowledgements/" + d.getDeliveryId());
        }
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
        body.put("fields", new java.util.TreeMap<>(d.getFields()));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}

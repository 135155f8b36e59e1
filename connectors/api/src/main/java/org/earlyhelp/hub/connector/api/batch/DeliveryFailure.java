package org.earlyhelp.hub.connector.api.batch;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A delivery a partner's system did not take, saying whether sending it again may succeed; the message names a
 * status or a kind, never what was sent. {@link FailureClassifier#standard()} reads it as it says. {@link #send} is
 * the one way a connector posts a delivery over HTTP and reads the answer: timeouts, I/O failures, 5xx, 429 and 408
 * may be different next time; every other answer but a 2xx is permanent (the partner refuses this delivery or the
 * hub's credential: sending it again sends the same thing).
 */
public final class DeliveryFailure extends RuntimeException {

    private final boolean retriable;
    private final Integer httpStatus;

    public DeliveryFailure(String reason, boolean retriable, Integer httpStatus, Throwable cause) {
        super(reason, cause, false, false);
        this.retriable = retriable;
        this.httpStatus = httpStatus;
    }

    /** What fails the same way every time: a delivery with nothing to address it by, or nowhere to send it. */
    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, false, null, null);
    }

    public boolean retriable() {
        return retriable;
    }

    /** The partner's answer, when it answered. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** Whether an answer of this status may be different next time. */
    public static boolean retriableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /**
     * Sends the request (its body discarded) and completes with the status of a 2xx answer, or exceptionally with a
     * {@link DeliveryFailure} whose reason begins with {@code who} ("housing webhook answered 503").
     */
    public static CompletableFuture<Integer> send(HttpClient http, HttpRequest request, String who) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof HttpTimeoutException) {
                    throw new DeliveryFailure(who + " timed out", true, null, cause);
                }
                throw new DeliveryFailure(
                        who + " unreachable: " + cause.getClass().getSimpleName(), true, null, cause);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return status;
            }
            throw new DeliveryFailure(who + " answered " + status, retriableStatus(status), status, null);
        });
    }
}

package org.earlyhelp.hub.connector.housing;

import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.batch.Failure;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;

/**
 * The one place that decides what is worth retrying when notifying housing: timeouts, I/O failures, 5xx, 429 and 408
 * are transient (the webhook will come back); every other 4xx is permanent (the webhook refuses this notification,
 * or our credential: retrying sends the same thing again). Asked first, before the hub's standard rules.
 */
final class HousingErrorClassifier {

    private HousingErrorClassifier() {}

    static FailureClassifier classifier() {
        return FailureClassifier.standard().with(HousingErrorClassifier::rule);
    }

    static Optional<Failure> rule(Throwable t) {
        if (t instanceof HousingDeliveryException e) {
            return Optional.of(new Failure(e.retriable(), e.getMessage()));
        }
        if (t instanceof HttpTimeoutException) {
            return Optional.of(Failure.transientFailure("housing webhook timed out"));
        }
        return Optional.empty();
    }

    /** Whether an answer of this status may be different next time. */
    static boolean retriableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }
}

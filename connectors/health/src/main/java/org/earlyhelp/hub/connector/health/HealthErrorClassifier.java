package org.earlyhelp.hub.connector.health;

import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.batch.Failure;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;

/**
 * What is worth retrying when filing a notification with a health system: timeouts, I/O failures, 5xx, 429 and 408
 * are transient; every other 4xx is permanent (the server refuses this Communication: sending it again sends the same
 * thing), and so is a disclosure with no NHS number to address the patient by.
 */
final class HealthErrorClassifier {

    private HealthErrorClassifier() {}

    static FailureClassifier classifier() {
        return FailureClassifier.standard().with(HealthErrorClassifier::rule);
    }

    static Optional<Failure> rule(Throwable t) {
        if (t instanceof HealthDeliveryException e) {
            return Optional.of(new Failure(e.retriable(), e.getMessage()));
        }
        if (t instanceof HttpTimeoutException) {
            return Optional.of(Failure.transientFailure("health FHIR server timed out"));
        }
        return Optional.empty();
    }

    static boolean retriableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }
}

package org.earlyhelp.hub.connector.schools;

import java.io.IOException;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.batch.Failure;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;

/**
 * The one place that decides what is worth retrying when delivering to a school: I/O failures, timeouts, 5xx and 429
 * are; bad input, other 4xx, authentication failures, a school missing from the directory and an endpoint the
 * directory's policy refuses are not. Plugged into the hub's {@link FailureClassifier} as the connector's own rule.
 */
final class SchoolsErrorClassifier {

    private SchoolsErrorClassifier() {}

    /** The hub's classifier with this connector's rule asked first. */
    static FailureClassifier classifier() {
        return FailureClassifier.standard().with(SchoolsErrorClassifier::rule);
    }

    static Optional<Failure> rule(Throwable t) {
        if (t instanceof SchoolDeliveryException e) {
            return Optional.of(new Failure(e.retriable(), e.getMessage()));
        }
        return Optional.empty();
    }

    static boolean isRetriable(Throwable t) {
        if (t instanceof SchoolDeliveryException e) {
            return e.retriable();
        }
        return t instanceof IOException || (t != null && t.getCause() instanceof IOException);
    }

    static boolean retriableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /** A dead-letter reason: a category and status only. */
    static String reason(Throwable t) {
        if (t instanceof SchoolDeliveryException e) {
            return e.getMessage();
        }
        return t == null ? "unknown failure" : "failed: " + t.getClass().getSimpleName();
    }
}

package org.earlyhelp.hub.connector.casesystem.outbound;

import java.util.Optional;
import org.earlyhelp.hub.connector.api.batch.Failure;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;

/**
 * The one place that decides what is worth retrying when delivering to the case system's webhook: I/O failures,
 * timeouts, 5xx, 408 and 429 are; other 4xx (a body or credential the webhook refuses), a disclosure not addressed to
 * the case system and a team with no webhook are not, and go to {@code hub.dlq.casesystem} at once. Plugged into the
 * hub's {@link FailureClassifier} as the connector's own rule, asked first.
 */
public final class CaseSystemErrorClassifier {

    private CaseSystemErrorClassifier() {}

    /** The hub's classifier with this connector's rule asked first. */
    public static FailureClassifier classifier() {
        return FailureClassifier.standard().with(CaseSystemErrorClassifier::rule);
    }

    static Optional<Failure> rule(Throwable t) {
        if (t instanceof CaseSystemDeliveryException e) {
            return Optional.of(new Failure(e.retriable(), e.getMessage()));
        }
        return Optional.empty();
    }

    static boolean retriableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }
}

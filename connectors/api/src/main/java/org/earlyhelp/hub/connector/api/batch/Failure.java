package org.earlyhelp.hub.connector.api.batch;

import java.util.Objects;

/**
 * What kind of failure happened, as a dead-letter reason may say it: a category and at most a status or an exception
 * type, never a value from the record or an exception's message (both can quote personal data).
 *
 * @param transientFailure whether trying again later may succeed (the infrastructure, not the record, failed)
 * @param reason the failure kind, free of personal data
 */
public record Failure(boolean transientFailure, String reason) {

    public Failure {
        Objects.requireNonNull(reason, "reason");
    }

    public static Failure transientFailure(String reason) {
        return new Failure(true, reason);
    }

    public static Failure permanent(String reason) {
        return new Failure(false, reason);
    }
}

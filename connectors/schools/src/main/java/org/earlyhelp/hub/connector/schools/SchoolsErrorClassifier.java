package org.earlyhelp.hub.connector.schools;

import java.io.IOException;

/**
 * The one place that decides what is worth retrying: I/O failures, timeouts, 5xx and 429 are; bad input, other 4xx,
 * authentication failures and a school missing from the directory are not.
 */
final class SchoolsErrorClassifier {

    private SchoolsErrorClassifier() {}

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

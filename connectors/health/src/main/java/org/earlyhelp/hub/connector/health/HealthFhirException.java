package org.earlyhelp.hub.connector.health;

/** Why a FHIR resource was not taken now, though it may be later. Messages hold no personal data. */
public abstract class HealthFhirException extends RuntimeException {

    HealthFhirException(String message) {
        super(message, null, false, false);
    }

    /** Not possible yet (a consent's patient not resolved into the person index): try again later. */
    public static final class NotYet extends HealthFhirException {
        public NotYet(String message) {
            super(message);
        }
    }
}

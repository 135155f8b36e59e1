package org.earlyhelp.hub.connector.health;

import org.earlyhelp.hub.connector.health.fhir.ConsentStatement;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * Records a FHIR Consent in the hub's consent register, as the consent collector would through {@code /api/consent}:
 * the hub's own part (the application implements it with the register, the person index and the ledger), so the
 * connector holds no database of consents.
 */
public interface HealthConsents {

    /**
     * @param sender the health organisation the Consent came from (it must be the agreements' consent collector)
     * @param patientRecordId the hub's id of the sender's own record of the patient (its {@code health-patient})
     * @param personRef the patient's ref within that record
     * @param consentId the event's id, derived from the sender and the Consent's version so a re-read records once
     */
    Result record(
            Organisation sender,
            String patientRecordId,
            String personRef,
            ConsentStatement statement,
            java.util.UUID consentId);

    /** What became of a consent. */
    sealed interface Result {
        /** In the register and the ledger (or already there: recording is idempotent on the FHIR version). */
        record Recorded(String consentId) implements Result {}

        /** Refused the same way every time (not the collector, no open relationship, no such agreement). */
        record Refused(String reason) implements Result {}

        /** Not yet possible (the patient's record is not resolved into the person index yet): try again later. */
        record NotYet(String reason) implements Result {}
    }
}

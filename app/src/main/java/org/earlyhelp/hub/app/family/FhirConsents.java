package org.earlyhelp.hub.app.family;

import java.util.UUID;
import org.earlyhelp.hub.connector.health.HealthConsents;
import org.earlyhelp.hub.connector.health.fhir.ConsentStatement;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.earlyhelp.hub.governance.consent.ConsentBasis;
import org.earlyhelp.hub.governance.consent.ConsentEvent;

/**
 * A FHIR Consent from health recorded exactly as {@code POST /api/consent} records one: by the same {@link
 * ConsentRecorder}, so only the agreements' consent collector, holding an open relationship with the person, through
 * a record of its own, with the professional the Consent names. Refused the same way every time is {@code Refused}
 * (dead-lettered by the connector); the patient's record not resolved into the index yet is {@code NotYet}.
 */
public final class FhirConsents implements HealthConsents {

    private final ConsentRecorder recorder;

    FhirConsents(ConsentRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Result record(
            Organisation sender, String patientRecordId, String personRef, ConsentStatement s, UUID consentId) {
        ConsentBasis basis = ConsentBasis.fromYaml(s.basis()).orElse(null);
        if (basis == null) {
            return new Result.Refused("the consent's basis is not one the register knows");
        }
        Caller caller = new Caller(sender, new Professional(s.professional(), s.professionalRole()));
        try {
            ConsentEvent event = recorder.record(
                    caller,
                    new ConsentRequest(
                            patientRecordId,
                            personRef,
                            s.agreements(),
                            s.given(),
                            basis,
                            s.reference(),
                            s.given() ? s.expires() : null),
                    consentId);
            return new Result.Recorded(event.consentId().toString());
        } catch (PullRefused e) {
            if (e.status() == 404) {
                return new Result.NotYet("the patient's record is not in the person index yet");
            }
            return new Result.Refused(e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Result.Refused("the consent is incomplete for the register");
        }
    }
}

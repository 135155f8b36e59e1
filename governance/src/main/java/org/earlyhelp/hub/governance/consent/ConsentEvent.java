package org.earlyhelp.hub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One consent given or withdrawn, as the collector recorded it: for which person (the person index id at the time,
 * and the collector's own record of them), which agreements, on what basis, against which signed record, until
 * when, and who recorded it. Holds no names or dates of birth: the reference points at the signed record in the
 * collector's own system.
 */
public record ConsentEvent(
        UUID consentId,
        UUID personId,
        String anchorRecordKey,
        List<String> scope,
        boolean given,
        ConsentBasis basis,
        String reference,
        LocalDate expires,
        String organisation,
        String professional,
        String professionalRole,
        Instant recordedAt) {

    public ConsentEvent {
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(anchorRecordKey, "anchorRecordKey");
        scope = List.copyOf(scope);
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("a consent names at least one agreement");
        }
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reference, "reference");
        if (given) {
            Objects.requireNonNull(expires, "a consent given has an expiry");
        }
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(professionalRole, "professionalRole");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Whether this event, if it is the latest, means consent is in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return given && !day.isAfter(expires);
    }
}

package org.earlyhelp.hub.governance.override;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One asserted override: for one record under one agreement (at the version in force when asserted), the legal
 * gateway cited, the professional and their role, the organisation that asserted it, and when it ends.
 */
public record SafeguardingOverride(
        UUID overrideId,
        String recordId,
        String agreementId,
        int agreementVersion,
        String reason,
        String professional,
        String professionalRole,
        String assertedBy,
        Instant assertedAt,
        Instant expiresAt,
        int uses) {

    public SafeguardingOverride {
        Objects.requireNonNull(overrideId, "overrideId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(professionalRole, "professionalRole");
        Objects.requireNonNull(assertedBy, "assertedBy");
        Objects.requireNonNull(assertedAt, "assertedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it lifts consent at {@code at}: asserted by then and not yet ended. */
    public boolean activeAt(Instant at) {
        return !at.isBefore(assertedAt) && at.isBefore(expiresAt);
    }

    /** How a decision names it: the id, the gateway and the role, never the professional's name. */
    public String describe() {
        return "safeguarding override " + overrideId + " (" + reason + ", " + professionalRole + ", until " + expiresAt
                + ")";
    }
}

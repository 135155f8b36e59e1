package org.earlyhelp.hub.governance.access;

import java.util.Objects;

/**
 * The person acting for an organisation on one request: their user id in the organisation's own system and their
 * role (for example {@code designated-safeguarding-lead}, {@code lead-practitioner}). Named on every pull and consent
 * and written to the ledger; never a name of a child or family member.
 */
public record Professional(String userId, String role) {

    public Professional {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        if (userId.isBlank() || userId.length() > 128 || role.isBlank() || role.length() > 64) {
            throw new IllegalArgumentException("a professional needs a user id (<=128) and a role (<=64)");
        }
    }
}

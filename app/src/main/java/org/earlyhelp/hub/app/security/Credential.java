package org.earlyhelp.hub.app.security;

import java.time.Instant;
import java.util.Objects;
import org.earlyhelp.hub.governance.access.Organisation;

/**
 * One bearer credential as the board sees it: bound to exactly one organisation, never holding the token.
 *
 * @param development one of the fixed credentials of the embedded run, refused anywhere else
 */
public record Credential(
        String id, Organisation organisation, String label, boolean development, Instant issuedAt, Instant revokedAt) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** A freshly issued credential with its token, which is shown this once and stored nowhere. */
    public record Issued(Credential credential, String token) {
        @Override
        public String toString() {
            return "Issued[" + credential + ", token=***]";
        }
    }
}

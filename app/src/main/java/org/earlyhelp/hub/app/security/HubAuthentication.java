package org.earlyhelp.hub.app.security;

import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the organisation its credential is bound to, the credential (the unit of rate limiting)
 * and, for a JWT, the professional its claims name. Its one authority is the organisation's kind as a role
 * ({@code ROLE_schools}), which the endpoint rules check.
 */
final class HubAuthentication extends AbstractAuthenticationToken {

    private final Organisation organisation;
    private final String credentialId;
    private final Professional professional;

    HubAuthentication(Organisation organisation, String credentialId, Professional professional) {
        super(List.of(new SimpleGrantedAuthority(SecurityConfiguration.ROLE_PREFIX + organisation.kind())));
        this.organisation = Objects.requireNonNull(organisation);
        this.credentialId = Objects.requireNonNull(credentialId);
        this.professional = professional;
        setAuthenticated(true);
    }

    Organisation organisation() {
        return organisation;
    }

    String credentialId() {
        return credentialId;
    }

    /** Named by the credential itself (a JWT), or null when the request's headers name them. */
    Professional professional() {
        return professional;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return organisation.toString();
    }
}

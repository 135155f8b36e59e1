package org.earlyhelp.hub.app.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token issued by the board: its hash must be an active credential. A token that looks like a
 * JWT is left to the JWT provider when one is configured.
 */
final class CredentialAuthenticationProvider implements AuthenticationProvider {

    private final CredentialCache credentials;
    private final boolean jwtConfigured;

    CredentialAuthenticationProvider(CredentialCache credentials, boolean jwtConfigured) {
        this.credentials = credentials;
        this.jwtConfigured = jwtConfigured;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Optional<Credential> credential = credentials.find(token);
        if (credential.isPresent()) {
            return new HubAuthentication(
                    credential.get().organisation(), credential.get().id(), null);
        }
        if (jwtConfigured && token.chars().filter(ch -> ch == '.').count() == 2) {
            return null; // the JWT provider decides
        }
        throw new InvalidBearerTokenException("the bearer credential is not known or was revoked");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

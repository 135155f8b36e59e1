package org.earlyhelp.hub.app.console;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to the console: a local user as stored, or an identity provider's user as its claims say (the party
 * from {@code hub.console.oidc.party-claim}, default {@code hub_party}).
 */
@Component
public class ConsoleSession {

    private final ConsoleUsers users;
    private final String partyClaim;

    public ConsoleSession(
            ConsoleUsers users,
            @org.springframework.beans.factory.annotation.Value("${hub.console.oidc.party-claim:hub_party}")
                    String partyClaim) {
        this.users = users;
        this.partyClaim = partyClaim;
    }

    public ConsoleUser user(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            Object party = oidc.getClaims().get(partyClaim);
            return new ConsoleUser(
                    oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject(),
                    oidc.getFullName() != null ? oidc.getFullName() : oidc.getSubject(),
                    party == null ? "unknown" : String.valueOf(party),
                    roles(authentication.getAuthorities()));
        }
        return users.find(authentication.getName()).orElse(null);
    }

    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
    }
}

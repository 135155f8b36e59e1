package org.earlyhelp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** JWTs from the council's identity provider, signed with an RSA key pair this test makes. */
class HubJwtTest {

    static final String ISSUER = "https://idp.council.example/realms/early-help";
    static final String AUDIENCE = "early-help-hub";

    static KeyPair keys;
    static KeyPair otherKeys;
    static AuthenticationProvider provider;

    @BeforeAll
    static void identityProvider(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        Path pem = dir.resolve("idp.pem");
        Files.writeString(pem, pem(keys));
        provider = HubJwt.provider(new HubSecurityProperties.Jwt(ISSUER, AUDIENCE, null, pem.toString()));
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A token as the identity provider would issue it, changed by {@code edit}. */
    static String token(KeyPair signer, Consumer<JWTClaimsSet.Builder> edit) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("jbloggs")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim(HubJwt.ORGANISATION, "casesystem:early-help-north")
                .claim(HubJwt.ROLE, "lead-practitioner");
        edit.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    static Authentication authenticate(String token) {
        return provider.authenticate(new BearerTokenAuthenticationToken(token));
    }

    @Test
    void aValidTokenNamesTheOrganisationAndTheProfessional() throws Exception {
        // When a valid token is presented
        Authentication auth = authenticate(token(keys, c -> {}));
        // Then the caller is the organisation of hub_org, the professional sub and hub_role, the kind its role
        HubAuthentication hub = (HubAuthentication) auth;
        assertThat(hub.organisation()).isEqualTo(new Organisation("casesystem", "early-help-north"));
        assertThat(hub.professional()).isEqualTo(new Professional("jbloggs", "lead-practitioner"));
        assertThat(hub.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_casesystem");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThatThrownBy(() -> authenticate(token(keys, c -> c.audience("another-service"))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> authenticate(token(keys, c -> c.issuer("https://evil.example/"))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertThatThrownBy(() -> authenticate(token(keys, c -> c.issueTime(Date.from(past.minusSeconds(300)))
                        .expirationTime(Date.from(past)))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenMissingAnyHubClaimIsRefused() {
        for (String claim : new String[] {HubJwt.ORGANISATION, HubJwt.ROLE, "sub"}) {
            assertThatThrownBy(() -> authenticate(token(keys, c -> c.claim(claim, null))))
                    .as(claim)
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> authenticate(token(keys, c -> c.claim(HubJwt.ORGANISATION, "no-colon"))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertThatThrownBy(() -> authenticate(token(otherKeys, c -> {}))).isInstanceOf(AuthenticationException.class);
    }
}

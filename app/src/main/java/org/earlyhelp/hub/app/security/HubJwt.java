package org.earlyhelp.hub.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * JWTs from the council's identity provider: signature, issuer, audience and expiry checked by Spring Security's
 * Nimbus decoder, then the hub's own claims: {@code hub_org} (the organisation as kind:id), {@code sub} (the
 * professional's user id) and {@code hub_role} (their role). A token missing any of them is refused.
 */
final class HubJwt {

    static final String ORGANISATION = "hub_org";
    static final String ROLE = "hub_role";

    private HubJwt() {}

    static AuthenticationProvider provider(HubSecurityProperties.Jwt settings) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(settings));
        provider.setJwtAuthenticationConverter(HubJwt::toAuthentication);
        return provider;
    }

    static JwtDecoder decoder(HubSecurityProperties.Jwt settings) {
        NimbusJwtDecoder decoder = settings.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                        .build()
                : NimbusJwtDecoder.withPublicKey(publicKey(settings.publicKeyLocation()))
                        .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                audience(settings.audience()),
                HubJwt::hubClaims));
        return decoder;
    }

    static HubAuthentication toAuthentication(Jwt jwt) {
        Organisation organisation = Organisation.parse(jwt.getClaimAsString(ORGANISATION));
        Professional professional = new Professional(jwt.getSubject(), jwt.getClaimAsString(ROLE));
        return new HubAuthentication(organisation, "jwt:" + organisation + ":" + jwt.getSubject(), professional);
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            List<String> aud = jwt.getAudience();
            return aud != null && aud.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : failure("the token is not for this hub (audience)");
        };
    }

    /** The claims must also make a valid organisation and professional, so the converter cannot fail. */
    private static OAuth2TokenValidatorResult hubClaims(Jwt jwt) {
        try {
            Organisation.parse(jwt.getClaimAsString(ORGANISATION));
            new Professional(jwt.getSubject(), jwt.getClaimAsString(ROLE));
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException | NullPointerException e) {
            return failure("the token must carry hub_org (kind:id), sub and hub_role");
        }
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) from a file or {@code classpath:}. */
    static RSAPublicKey publicKey(String location) {
        try (InputStream in = location.startsWith("classpath:")
                ? new ClassPathResource(location.substring("classpath:".length())).getInputStream()
                : Files.newInputStream(Path.of(location.replaceFirst("^file:", "")))) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hub.security.jwt.public-key-location " + location, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "hub.security.jwt.public-key-location must hold a PEM RSA PUBLIC KEY: " + location, e);
        }
    }
}

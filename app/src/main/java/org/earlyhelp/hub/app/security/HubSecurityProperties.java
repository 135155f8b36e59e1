package org.earlyhelp.hub.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.security.*}: the body size limit, how often credentials are reloaded from the table, the per-credential
 * rate limit, and the council's identity provider for JWTs (off unless an issuer is set).
 */
@Validated
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("30s") @NotNull Duration credentialRefresh,
        @DefaultValue @NotNull @Valid RateLimit rateLimit,
        @DefaultValue @NotNull Jwt jwt) {

    public HubSecurityProperties {
        if (credentialRefresh.isNegative() || credentialRefresh.isZero() || credentialRefresh.toSeconds() > 30) {
            throw new IllegalArgumentException(
                    "hub.security.credential-refresh must be between 1ms and 30s, so a revocation holds within a minute");
        }
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("hub.security.max-body-size must be at least 1KB");
        }
    }

    /** A token bucket per credential, on each instance: {@code burst} requests at once, refilled at the rate. */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") @Positive double requestsPerSecond,
            @DefaultValue("200") @Positive int burst) {}

    /**
     * The council's identity provider. Tokens must come from {@code issuer}, name {@code audience}, and carry
     * {@code hub_org} (kind:id), {@code sub} and {@code hub_role}. Keys from {@code jwkSetUri} or a PEM public key at
     * {@code publicKeyLocation} (a file path or {@code classpath:...}).
     */
    public record Jwt(String issuer, String audience, URI jwkSetUri, String publicKeyLocation) {

        public Jwt {
            if (issuer != null && !issuer.isBlank()) {
                if (audience == null || audience.isBlank()) {
                    throw new IllegalArgumentException("hub.security.jwt.audience is required with an issuer");
                }
                if ((jwkSetUri == null) == (publicKeyLocation == null || publicKeyLocation.isBlank())) {
                    throw new IllegalArgumentException(
                            "set exactly one of hub.security.jwt.jwk-set-uri and hub.security.jwt.public-key-location");
                }
            }
        }

        public boolean configured() {
            return issuer != null && !issuer.isBlank();
        }
    }
}

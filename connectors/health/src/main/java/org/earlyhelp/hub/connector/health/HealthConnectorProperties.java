package org.earlyhelp.hub.connector.health;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of health's FHIR side ({@code hub.connectors.health.fhir.*}). {@code base-url} is the health system's FHIR
 * R4 server: the hub polls it and delivers notifications to it; without it nothing is polled and deliveries to health
 * wait on {@code hub.outbound.health}. {@code organisation} is the ODS code of the health organisation behind it (what
 * its records are attributed to, {@code health:<code>}). Without a base, the simulated run starts the simulated local
 * NHS trust on {@code trust-port} (a free port if that one is taken) and uses it. The token the server expects is a secret: never in {@link
 * #toString()} or a log.
 */
@Validated
@ConfigurationProperties("hub.connectors.health.fhir")
public record HealthConnectorProperties(
        URI baseUrl,
        @DefaultValue("RFS") @NotNull String organisation,
        String token,
        @DefaultValue("10s") @NotNull Duration pollInterval,
        @DefaultValue("100") @Min(1) @Max(500) int pageSize,
        @DefaultValue("1") @Min(1) @Max(16) int consumers,
        @DefaultValue("100") @Min(1) @Max(2000) int maxInFlight,
        @DefaultValue("5") @Min(0) @Max(20) int maxRedeliveries,
        @DefaultValue("200ms") @NotNull Duration initialBackoff,
        @DefaultValue("10s") @NotNull Duration maxBackoff,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("8091") @Min(0) @Max(65535) int trustPort) {

    /** The setting naming the health system's FHIR base. */
    public static final String BASE_URL_SETTING = "hub.connectors.health.fhir.base-url";

    public HealthConnectorProperties {
        if (baseUrl != null) {
            String scheme =
                    baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!baseUrl.isAbsolute()
                    || baseUrl.getHost() == null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException(BASE_URL_SETTING + " must be an absolute http(s) URL naming a host");
            }
            if (baseUrl.getRawUserInfo() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException(BASE_URL_SETTING + " must not carry credentials or a fragment");
            }
        }
        if (organisation != null && !organisation.matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("hub.connectors.health.fhir.organisation must be an ODS code");
        }
        if (token != null && !token.matches("[\\x21-\\x7E]{16,512}")) {
            throw new IllegalArgumentException(
                    "hub.connectors.health.fhir.token must be 16 to 512 visible ASCII characters");
        }
        if (maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "hub.connectors.health.fhir.max-backoff must be at least initial-backoff");
        }
    }

    /** The base without a trailing slash. */
    public String base() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "HealthConnectorProperties[baseUrl=" + (baseUrl == null ? "none" : "set") + ", organisation="
                + organisation + ", token=" + (token == null ? "none" : "****") + ", pollInterval=" + pollInterval
                + ", pageSize=" + pageSize + "]";
    }
}

package org.earlyhelp.hub.connector.schools;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the schools connector ({@code hub.connectors.schools.*}).
 *
 * @param allowPrivateNetworks whether school endpoints may be loopback, link-local or private addresses (off: a
 *     directory entry must not reach into the hub's own network)
 * @param allowLoopbackHttp whether plain http to this machine is allowed outside the embedded run (a test rig only;
 *     the embedded run always allows it)
 */
@Validated
@ConfigurationProperties("hub.connectors.schools")
public record SchoolsConnectorProperties(
        @NotBlank String topic,
        @NotBlank String deadLetterTopic,
        @Min(1) @Max(64) int consumers,
        @Min(1) @Max(2000) int maxInFlight,
        @Min(0) @Max(20) int maxRedeliveries,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration timeout,
        boolean allowPrivateNetworks,
        boolean allowLoopbackHttp) {}

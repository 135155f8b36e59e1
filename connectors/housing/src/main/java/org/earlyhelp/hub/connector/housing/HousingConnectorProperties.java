package org.earlyhelp.hub.connector.housing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the housing connector ({@code hub.connectors.housing.*}). Without {@code webhook-url} housing receives
 * nothing (the connector declares no outbound). A webhook is an absolute https URL without credentials in it; plain
 * http only to this machine (a test rig). The bearer token the webhook expects is a secret: never in {@link
 * #toString()} or a log.
 *
 * @param webhookUrl where housing receives notifications, or null for none
 * @param webhookToken the bearer token sent to the webhook, or null for none
 */
@Validated
@ConfigurationProperties("hub.connectors.housing")
public record HousingConnectorProperties(
        URI webhookUrl,
        String webhookToken,
        @DefaultValue("1") @Min(1) @Max(16) int consumers,
        @DefaultValue("200") @Min(1) @Max(2000) int maxInFlight,
        @DefaultValue("5") @Min(0) @Max(20) int maxRedeliveries,
        @DefaultValue("200ms") @NotNull Duration initialBackoff,
        @DefaultValue("10s") @NotNull Duration maxBackoff,
        @DefaultValue("5s") @NotNull Duration timeout) {

    public HousingConnectorProperties {
        if (webhookUrl != null) {
            checkWebhook(webhookUrl);
        }
        if (webhookToken != null && !webhookToken.matches("[\\x21-\\x7E]{16,512}")) {
            throw new IllegalArgumentException(
                    "hub.connectors.housing.webhook-token must be 16 to 512 visible ASCII characters");
        }
        if (maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "hub.connectors.housing.max-backoff must be at least hub.connectors.housing.initial-backoff");
        }
    }

    /** Whether housing receives notifications here. */
    public boolean delivering() {
        return webhookUrl != null;
    }

    /**
     * Refuses a webhook that is not an absolute https URL naming a host, that carries credentials or a fragment, or
     * that is plain http anywhere but this machine. The message names the setting and the rule, never the value.
     */
    static void checkWebhook(URI url) {
        String setting = HousingConnector.WEBHOOK_SETTING;
        if (!url.isAbsolute()
                || url.isOpaque()
                || url.getHost() == null
                || url.getHost().isBlank()) {
            throw new IllegalArgumentException(setting + " must be an absolute https URL naming a host");
        }
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    setting + " must not carry credentials or a fragment (the token is webhook-token)");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (!scheme.equals("http") || !loopback(url.getHost())) {
            throw new IllegalArgumentException(setting + " must be an https URL (plain http only to this machine)");
        }
    }

    private static boolean loopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HousingConnectorProperties[webhookUrl=" + (webhookUrl == null ? "none" : "set") + ", webhookToken="
                + (webhookToken == null ? "none" : "****") + ", consumers=" + consumers + ", maxInFlight="
                + maxInFlight + ", maxRedeliveries=" + maxRedeliveries + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", timeout=" + timeout + "]";
    }
}

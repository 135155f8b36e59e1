package org.earlyhelp.hub.connector.casesystem.outbound;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the case-system connector ({@code hub.connectors.casesystem.*}); every one has a default, so the
 * application's configuration needs nothing for it. Without {@code webhook-url} nothing is delivered: disclosures wait
 * on {@code hub.outbound.casesystem} until it is set. Webhooks must be https, or plain http to this machine (or
 * anywhere with {@code allow-http}, for a test rig). The token is never shown by {@link #toString()}.
 *
 * @param webhookUrl the front door's webhook, for disclosures to the whole partner and teams without their own
 * @param webhookToken sent as {@code Authorization: Bearer}, when set
 * @param teamWebhooks a team's own webhook, by the team's address
 */
@Validated
@ConfigurationProperties("hub.connectors.casesystem")
public record CaseSystemConnectorProperties(
        URI webhookUrl,
        String webhookToken,
        @DefaultValue Map<String, URI> teamWebhooks,
        @DefaultValue("1") @Min(1) @Max(16) int consumers,
        @DefaultValue("200") @Min(1) @Max(2000) int maxPollRecords,
        @DefaultValue("20") @Min(1) @Max(200) int maxInFlight,
        @DefaultValue("6") @Min(0) @Max(20) int maxRedeliveries,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("false") boolean allowHttp) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public CaseSystemConnectorProperties {
        teamWebhooks = teamWebhooks == null ? Map.of() : Map.copyOf(teamWebhooks);
        if (webhookUrl != null) {
            check(webhookUrl, "hub.connectors.casesystem.webhook-url", allowHttp);
        }
        for (Map.Entry<String, URI> e : teamWebhooks.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("hub.connectors.casesystem.team-webhooks: a team is 1-64 letters,"
                        + " digits, '.', '_' or '-'");
            }
            check(e.getValue(), "hub.connectors.casesystem.team-webhooks." + e.getKey(), allowHttp);
        }
        if (webhookToken != null && !webhookToken.matches("[\\x21-\\x7E]{16,512}")) {
            throw new IllegalArgumentException(
                    "hub.connectors.casesystem.webhook-token must be 16 to 512 visible ASCII characters");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("hub.connectors.casesystem: initial-backoff must be positive and"
                    + " max-backoff at least initial-backoff");
        }
    }

    private static void check(URI url, String setting, boolean allowHttp) {
        String scheme = url.getScheme();
        boolean https = "https".equalsIgnoreCase(scheme);
        boolean http = "http".equalsIgnoreCase(scheme);
        if (!url.isAbsolute() || url.getHost() == null || !(https || http)) {
            throw new IllegalArgumentException(setting + " must be an absolute https URL");
        }
        if (http && !allowHttp && !LOOPBACK.contains(url.getHost())) {
            throw new IllegalArgumentException(setting + " must be https (plain http only to this machine, or with"
                    + " hub.connectors.casesystem.allow-http=true on a test rig)");
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException(setting + " must not carry credentials: use webhook-token");
        }
    }

    /** Where a disclosure for {@code team} (null: the whole partner) goes; null when nowhere is configured. */
    URI webhookFor(String team) {
        URI own = team == null ? null : teamWebhooks.get(team);
        return own != null ? own : webhookUrl;
    }

    @Override
    public String toString() {
        return "CaseSystemConnectorProperties[webhookUrl="
                + (webhookUrl == null ? "unset" : webhookUrl.getScheme() + "://" + webhookUrl.getHost())
                + ", webhookToken="
                + (webhookToken == null ? "unset" : "(set)") + ", teamWebhooks=" + teamWebhooks.keySet()
                + ", consumers=" + consumers + ", maxPollRecords=" + maxPollRecords + ", maxInFlight=" + maxInFlight
                + ", maxRedeliveries=" + maxRedeliveries + ", timeout=" + timeout + "]";
    }
}

package org.earlyhelp.hub.connector.police.extract;

import java.nio.file.Path;
import java.time.Duration;
import org.earlyhelp.hub.connector.police.PoliceConnector;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the police connector ({@code hub.connectors.police.*}).
 *
 * @param inbox the folder a force that cannot post drops its nightly extracts in; unset, no folder is watched
 * @param inboxForce the force whose files the inbox holds (the organisation its SFTP account belongs to), e.g. {@code
 *     police:derbyshire}: the provider of every record read from it
 * @param inboxPollInterval how often the inbox is looked at
 * @param inboxStaleAfter how long a file may sit in {@code processing/} before another instance takes it over (its
 *     instance died): re-reading a file stores nothing twice
 */
@Validated
@ConfigurationProperties("hub.connectors.police")
public record PoliceConnectorProperties(
        Path inbox,
        String inboxForce,
        @DefaultValue("30s") Duration inboxPollInterval,
        @DefaultValue("15m") Duration inboxStaleAfter) {

    public PoliceConnectorProperties {
        if (inbox != null) {
            Organisation force;
            try {
                force = inboxForce == null ? null : Organisation.parse(inboxForce);
            } catch (RuntimeException e) {
                force = null;
            }
            if (force == null || !force.isKind(PoliceConnector.PARTNER)) {
                throw new IllegalArgumentException("hub.connectors.police.inbox is set: set"
                        + " hub.connectors.police.inbox-force to the force whose files it holds, e.g."
                        + " police:derbyshire");
            }
        }
        if (inboxPollInterval.isNegative() || inboxPollInterval.isZero()) {
            throw new IllegalArgumentException("hub.connectors.police.inbox-poll-interval must be positive");
        }
        if (inboxStaleAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("hub.connectors.police.inbox-stale-after must be at least 1m");
        }
    }

    /** The force of the inbox's files. */
    public Organisation force() {
        return Organisation.parse(inboxForce);
    }
}

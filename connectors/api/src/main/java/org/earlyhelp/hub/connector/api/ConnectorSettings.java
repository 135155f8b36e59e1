package org.earlyhelp.hub.connector.api;

import java.util.Optional;

/**
 * The hub's configuration as a connector's self-description may read it. A connector is made by {@link
 * java.util.ServiceLoader} with no arguments, so what it declares cannot depend on Spring; some of it must depend on
 * the deployment (a connector whose partner's webhook is not configured delivers nothing, so it declares no outbound:
 * no topic is made and an agreement that would deliver to it fails the lint). {@link Connectors#discover(
 * ConnectorSettings)} hands each connector these settings once; {@link #NONE} is "nothing configured".
 */
@FunctionalInterface
public interface ConnectorSettings {

    /** No settings: every connector as it describes itself unconfigured. */
    ConnectorSettings NONE = name -> Optional.empty();

    /** The value of a setting by its full name ({@code hub.connectors.housing.webhook-url}); empty when unset or blank. */
    Optional<String> get(String name);
}

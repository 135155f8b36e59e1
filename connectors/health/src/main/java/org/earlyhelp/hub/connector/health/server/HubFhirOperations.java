package org.earlyhelp.hub.connector.health.server;

/**
 * A plain HAPI provider the application adds to the hub's FHIR endpoint (the {@code $person-info-query} operation,
 * which needs the person index and the decision point the connector does not hold). A Spring bean of this type is
 * registered by the connector's configuration.
 */
public interface HubFhirOperations {}

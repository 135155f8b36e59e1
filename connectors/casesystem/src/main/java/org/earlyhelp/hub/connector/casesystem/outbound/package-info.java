/**
 * Delivery to the case system: what a {@code deliver:} agreement permits, from {@code hub.outbound.casesystem} to the
 * case system's webhook (a team's own, or the front door's for the whole partner), on the hub's batch support with
 * {@link org.earlyhelp.hub.connector.api.batch.DeliveryFailure} saying what is retried.
 */
package org.earlyhelp.hub.connector.casesystem.outbound;

/**
 * What every connector and every JSON endpoint of the hub shares: one strict reader that turns a request body into a
 * checked value or a rejection naming fields and reasons (never the values sent). A later issue grows this module into
 * the connector contract.
 */
package org.earlyhelp.hub.connector.api;

/**
 * What every connector's inbound side shares: the person and address of the hub's own JSON as a partner sends them,
 * validated the same way everywhere, and their mapping to the canonical record.
 */
package org.earlyhelp.hub.connector.api.inbound;

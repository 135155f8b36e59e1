/** The govern route: every inbound record is decided, written to the ledger, and only then published to its recipients. */
package org.earlyhelp.hub.routes.govern;

/**
 * Keeps personal data out of the hub's logs: failures are logged by type, id and place, never by message, since the
 * messages of drivers, libraries and Camel's error handlers can quote the records being handled.
 */
package org.earlyhelp.hub.app.logging;

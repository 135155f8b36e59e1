/** The agreements in force in this instance, loaded from the board's directory and reloadable without a restart. */
package org.earlyhelp.hub.app.agreements;

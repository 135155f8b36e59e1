/** Dead letters per partner, read from their topics without moving any offset, and their consent-aware replay. */
package org.earlyhelp.hub.app.deadletter;

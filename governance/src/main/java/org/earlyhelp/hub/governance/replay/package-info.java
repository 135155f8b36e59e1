/**
 * Consent-aware replay of dead letters: each letter replayed once, by a named person, its disclosure decided again
 * under the agreements and consent in force at the replay.
 */
package org.earlyhelp.hub.governance.replay;

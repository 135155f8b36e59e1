/**
 * Legitimate relationships: which organisation may pull about which person, established only by that organisation's
 * own records with a service payload (a pupil on its roll, an open involvement), ended by a closing record, and
 * corroborated where an authoritative source exists (the council's roll records).
 */
package org.earlyhelp.hub.governance.relationship;

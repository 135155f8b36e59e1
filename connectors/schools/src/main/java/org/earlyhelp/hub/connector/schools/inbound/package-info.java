/**
 * Records from schools and the council's education service over HTTP ({@code /api/schools/...}): read strictly, checked
 * against what the sending organisation may assert, mapped to the canonical record and handed to the hub's intake.
 */
package org.earlyhelp.hub.connector.schools.inbound;

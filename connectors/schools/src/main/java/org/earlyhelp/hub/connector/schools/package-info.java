/**
 * Schools and the council's education service: the connector's description ({@link
 * org.earlyhelp.hub.connector.schools.SchoolsConnector}), its wiring and settings, the partner directory and the
 * delivery of notifications to each school's (or the council's EHE team's) endpoint.
 */
package org.earlyhelp.hub.connector.schools;

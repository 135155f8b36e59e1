/**
 * Identification of needs: each person's records (as {@link org.earlyhelp.hub.analytics.needs.Observation}s) tested
 * against the criteria, giving per person and outcome a status (active, resolved, sustained) with its evidence, and
 * per family the outcomes its members have.
 */
package org.earlyhelp.hub.analytics.needs;

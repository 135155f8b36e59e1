/**
 * The health connector: health involvements (health visiting, school nursing, CAMHS) in, with a named team that
 * establishes the involvement relationship, and the related people of a patient linked to them. FHIR R4 (polling,
 * a FHIR endpoint, {@code $person-info-query}) comes with the health issue; today health posts the hub's JSON.
 */
package org.earlyhelp.hub.connector.health;

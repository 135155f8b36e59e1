/**
 * The register of children in elective home education, kept by keyed subject key only, so a notification about a
 * home-educated child goes to the council's EHE team instead of a school.
 */
package org.earlyhelp.hub.connector.schools.ehe;

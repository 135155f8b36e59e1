/** The whole-family view for a lead practitioner, served person by person through the agreements. */
package org.earlyhelp.hub.app.family;

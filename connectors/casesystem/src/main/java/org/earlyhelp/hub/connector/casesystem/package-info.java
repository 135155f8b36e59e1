/**
 * The council's early help and children's social care case system on the connector contract: involvements (opened
 * and closed with the lead practitioner and the level of need), referrals both ways and Early Help Assessments with
 * their consent in, over JSON in the hub's shape or with people in the DfE draft Person standard shape; an open
 * involvement with a named lead practitioner is the relationship a pull may rest on.
 */
package org.earlyhelp.hub.connector.casesystem;

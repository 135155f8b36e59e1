/**
 * Operation Encompass after delivery: the designated safeguarding lead's acknowledgement of each notification, and the
 * escalation to the council's Operation Encompass lead of one not acknowledged by 08:30 on the school day it was due.
 */
package org.earlyhelp.hub.connector.schools.encompass;

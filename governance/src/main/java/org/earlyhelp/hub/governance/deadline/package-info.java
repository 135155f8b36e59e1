/** Delivery deadlines an agreement sets, counted in a calendar kept as data (the school calendar). */
package org.earlyhelp.hub.governance.deadline;

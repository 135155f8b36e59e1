/** Households and families: who lives together, and who is related, across partners' records. */
package org.earlyhelp.hub.matching.households;

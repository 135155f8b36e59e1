/** What the simulated force posts besides incidents in the embedded run: missing episodes, ASB and youth offending. */
package org.earlyhelp.hub.connector.police.simulation;

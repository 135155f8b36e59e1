/** A deterministic synthetic population of families, addresses and schools in one English council area. */
package org.earlyhelp.hub.simulator.population;

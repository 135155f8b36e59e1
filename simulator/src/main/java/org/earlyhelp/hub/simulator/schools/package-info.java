/** A real HTTP listener that plays the schools' notification endpoints and records what the hub sends. */
package org.earlyhelp.hub.simulator.schools;

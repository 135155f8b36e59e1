/** Plain-Java stand-ins for the hub's partners, driven by a deterministic synthetic population. */
package org.earlyhelp.hub.simulator;

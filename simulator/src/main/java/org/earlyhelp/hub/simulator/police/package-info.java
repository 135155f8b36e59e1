/** A simulated police force that generates domestic abuse incidents and posts them to the hub over HTTP. */
package org.earlyhelp.hub.simulator.police;

/** Live traffic for the embedded run: a simulated police force posting incidents and simulated schools receiving them. */
package org.earlyhelp.hub.app.simulation;

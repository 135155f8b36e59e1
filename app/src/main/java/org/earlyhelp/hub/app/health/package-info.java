/** Health of the running hub as probes read it: readiness says whether this instance is keeping up. */
package org.earlyhelp.hub.app.health;

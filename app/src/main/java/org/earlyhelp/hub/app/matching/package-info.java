/** The clerical review queue and person maintenance (merge, split) over HTTP, for the governance credential. */
package org.earlyhelp.hub.app.matching;

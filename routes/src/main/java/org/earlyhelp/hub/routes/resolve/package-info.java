/** The resolve step: each arriving record's people are matched to the person index and the record is kept. */
package org.earlyhelp.hub.routes.resolve;

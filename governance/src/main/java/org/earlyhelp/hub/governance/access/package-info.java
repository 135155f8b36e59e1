/** Who is asking: organisations (a school by URN, a health body by ODS code, a case-system team), the professional acting for one, and the caller of a request. */
package org.earlyhelp.hub.governance.access;

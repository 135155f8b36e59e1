/**
 * Minimisation: per recipient (the agreement's field rules), at rest (nothing no agreement could release is kept), and
 * how long a stored record may be kept.
 */
package org.earlyhelp.hub.governance.minimise;

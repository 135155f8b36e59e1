/** Name normalisation, placeholder detection and the NHS England nickname table. */
package org.earlyhelp.hub.matching.names;

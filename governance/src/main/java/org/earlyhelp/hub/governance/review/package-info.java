/** The board's access review: legitimate-relationship alerts computed from the ledger's PULL entries. */
package org.earlyhelp.hub.governance.review;

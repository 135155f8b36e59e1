/**
 * The board's reviews: the access review (legitimate-relationship alerts computed from the ledger's PULL entries) and
 * the disclosure review queue, where every REVIEW decision of a notification waits for a person to release or refuse
 * it.
 */
package org.earlyhelp.hub.governance.review;

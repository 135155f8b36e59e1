/**
 * The disclosure ledger: typed entries in one chain keyed with a secret held outside the database, signed checkpoints
 * of its head outside the database, and the verifier that names an edited, deleted or truncated entry.
 */
package org.earlyhelp.hub.governance.ledger;

/**
 * The consent register: consent given or withdrawn per person and agreement, by the agreement's collector, with its
 * basis, signed-record reference, scope and expiry; it follows the person through merges and not through splits.
 */
package org.earlyhelp.hub.governance.consent;

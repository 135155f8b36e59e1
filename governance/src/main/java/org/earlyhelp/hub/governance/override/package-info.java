/**
 * Safeguarding overrides: a named professional lifting an agreement's consent requirement for one record, only where
 * the agreement declares it, for a coded legal reason and a role it lists, for a bounded time; never widening the
 * fields released.
 */
package org.earlyhelp.hub.governance.override;

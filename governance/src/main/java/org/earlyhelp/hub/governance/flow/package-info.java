/** Plans what a record may become: for each subject and recipient, a ledger draft and, where permitted, a disclosure. */
package org.earlyhelp.hub.governance.flow;

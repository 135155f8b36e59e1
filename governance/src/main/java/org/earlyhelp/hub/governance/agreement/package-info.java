/** Information-sharing agreements: the records, their strict loader from {@code agreements/*.yaml}, and the lint. */
package org.earlyhelp.hub.governance.agreement;

/** Retention: stored records are purged on a schedule once no agreement that could release them keeps them. */
package org.earlyhelp.hub.app.retention;

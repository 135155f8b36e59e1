/** The access review the data governance board reads: who pulled what, and which pulls deserve a look. */
package org.earlyhelp.hub.app.review;

/**
 * The needs criteria: the ten headline outcomes of the Supporting Families outcomes framework, each with the
 * indicators that show a need and those that show it resolved, loaded from YAML with a lint that names the file, the
 * line and the fix.
 */
package org.earlyhelp.hub.analytics.criteria;

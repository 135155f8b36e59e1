/** Identity resolution: deciding whether two partners' records describe the same person, in plain Java. */
package org.earlyhelp.hub.matching;

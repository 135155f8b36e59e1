/** Lenient parsing of the date formats found in real partner extracts into {@link java.time.LocalDate}. */
package org.earlyhelp.hub.matching.dates;

/** Per-field comparators that grade agreement into discrete levels for a Fellegi-Sunter match score. */
package org.earlyhelp.hub.matching.compare;

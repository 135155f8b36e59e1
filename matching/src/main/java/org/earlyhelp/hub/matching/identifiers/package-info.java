/** Validation and normalisation of the identifiers partners send: NHS number, UPN and postcode. */
package org.earlyhelp.hub.matching.identifiers;

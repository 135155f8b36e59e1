/** "Is this person known to you?": the FHIR {@code $person-info-query} operation, decided and ledgered. */
package org.earlyhelp.hub.app.query;

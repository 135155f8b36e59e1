/** Corrections: a provider withdraws a record and every recipient is recalled; disclosures resting on a later split. */
package org.earlyhelp.hub.app.corrections;

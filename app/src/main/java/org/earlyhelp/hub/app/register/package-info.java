/**
 * The public register of agreements: each agreement in force rendered as a document with every heading of the ICO
 * Data Sharing Code, and as the DfE draft machine-readable SharingPolicy, served without a credential (agreements hold
 * no personal data).
 */
package org.earlyhelp.hub.app.register;

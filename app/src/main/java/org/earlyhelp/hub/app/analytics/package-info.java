/**
 * Family needs for analysts as the command line and the console both run them: one code path from the hub's
 * database to the disclosure-controlled tables and charts, and to the pseudonymised dataset under an analytics
 * agreement.
 */
package org.earlyhelp.hub.app.analytics;

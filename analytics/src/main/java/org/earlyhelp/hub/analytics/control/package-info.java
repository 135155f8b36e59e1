/**
 * Statistical disclosure control for every count the hub publishes: small counts suppressed, the rest rounded, and
 * secondary suppression so a suppressed cell cannot be recovered from the margins of its table or from a project's
 * earlier release. The profile is data ({@code disclosure-control.yaml}).
 */
package org.earlyhelp.hub.analytics.control;

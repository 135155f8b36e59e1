/**
 * Where needs are greatest: counts of people and families with each need by area and by month, protected by
 * disclosure control, written as CSV tables and SVG charts.
 */
package org.earlyhelp.hub.analytics.report;

/**
 * The nightly CSV extract, for forces that cannot push each event as it happens: one file of rows, each one event
 * about one child, read tolerantly of column order, case and stray spaces, each good row handed to the hub as its
 * HTTP twin would be, each bad row dead-lettered with a reason free of personal data while the rest goes on.
 */
package org.earlyhelp.hub.connector.police.extract;

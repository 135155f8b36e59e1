/**
 * Attendance files in the watched folder: the CSV layout of docs/partners/schools-attendance-csv.md read row by row
 * with the DfE attendance codes, each bad row dead-lettered with a reason and the rest processed, each file processed
 * once by whichever hub instance claims it first.
 */
package org.earlyhelp.hub.connector.schools.csv;

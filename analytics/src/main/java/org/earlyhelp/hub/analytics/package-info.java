/**
 * What analysts get from the hub: the needs of each family and person, identified from partner records by criteria
 * kept as data ({@code needs-criteria.yaml}), and disclosure control over every published count. Plain Java: no Camel,
 * no Kafka, no HTTP; the database is read through JDBC.
 */
package org.earlyhelp.hub.analytics;

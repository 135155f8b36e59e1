/**
 * The person index in PostgreSQL: records resolved to people on arrival, the clerical review queue, merges and splits,
 * households and relationships. Plain JDBC: no Camel, Kafka or HTTP.
 */
package org.earlyhelp.hub.matching.index;

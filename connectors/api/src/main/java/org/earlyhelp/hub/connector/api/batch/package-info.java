/**
 * The one batch support every Kafka consumer of the hub uses (the govern routes and each connector's outbound
 * delivery): failures classified as transient or permanent, a failing record isolated so the rest proceed, one dead
 * letter per record that cannot be processed, offsets committed per partition only after every record is done, and
 * the progress the readiness check reads.
 */
package org.earlyhelp.hub.connector.api.batch;

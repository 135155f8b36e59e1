/** Wiring of the governance core, codec, Kafka producer and govern routes into the application. */
package org.earlyhelp.hub.app.config;

/** The embedded defaults: an in-process KRaft Kafka broker and a PostgreSQL server, both keeping data under ./data. */
package org.earlyhelp.hub.app.embedded;

/** Avro single-object encoding of the hub's records, with the committed .avsc history acting as the schema registry. */
package org.earlyhelp.hub.schema.codec;

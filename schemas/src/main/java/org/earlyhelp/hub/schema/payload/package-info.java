/**
 * Typed payloads by registration: each connector registers the Avro schemas of the record types it brings in, and a
 * record carries its payload as single-object encoded bytes, so adding a partner never edits a central union.
 */
package org.earlyhelp.hub.schema.payload;

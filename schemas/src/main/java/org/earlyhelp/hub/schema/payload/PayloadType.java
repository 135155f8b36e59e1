package org.earlyhelp.hub.schema.payload;

import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered payload type: the name records carry in {@code HubRecord.type} ({@code hub.type} on the schema, e.g.
 * {@code tenancy}), the prefix agreements name its fields by ({@code hub.prefix}, e.g. {@code tenancy.start-date}),
 * the current schema records are read as, and older schemas still readable (oldest first).
 */
public record PayloadType(String type, String prefix, Schema schema, List<Schema> olderSchemas) {

    public PayloadType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(schema, "schema");
        olderSchemas = List.copyOf(olderSchemas);
    }

    /** The type a payload schema declares through {@code hub.type} and {@code hub.prefix}. */
    public static PayloadType of(Schema schema, Schema... olderSchemas) {
        String type = schema.getProp("hub.type");
        String prefix = schema.getProp("hub.prefix");
        if (type == null
                || prefix == null
                || !type.matches("[a-z][a-z0-9-]{1,63}")
                || !prefix.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(
                    schema.getFullName() + " must declare hub.type and hub.prefix in lower-case kebab form");
        }
        return new PayloadType(type, prefix, schema, List.of(olderSchemas));
    }
}

package org.earlyhelp.hub.connector.api;

import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.PayloadType;

/**
 * One record type a connector brings in: its registered payload (the schema's {@code hub.type} names the type, e.g.
 * {@code tenancy}; {@code hub.prefix} the field paths agreements use), whether it is an Involvement, State or Event,
 * and the partner kinds that may send it.
 */
public record RecordType(PayloadType payload, RecordKind kind, Set<String> providers) {

    public RecordType {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        providers = Set.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a record type has at least one provider");
        }
    }

    /** A type of the generated payload class's schema, sent by the given partner kinds. */
    public static RecordType of(Schema payloadSchema, RecordKind kind, String... providers) {
        return new RecordType(PayloadType.of(payloadSchema), kind, Set.of(providers));
    }

    public String type() {
        return payload.type();
    }
}

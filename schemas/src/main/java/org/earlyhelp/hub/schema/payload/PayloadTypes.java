package org.earlyhelp.hub.schema.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * The payload types the running hub knows, registered by its connectors. Reads a payload by the writer fingerprint at
 * its head, resolving an older registered schema to the current one; a payload whose writer schema nobody registered
 * is refused by type, never guessed at. Immutable once built, so thread-safe.
 */
public final class PayloadTypes {

    private final Map<String, PayloadType> byType;
    private final Map<Long, Schema> writers;

    private PayloadTypes(Map<String, PayloadType> byType) {
        this.byType = Collections.unmodifiableMap(byType);
        Map<Long, Schema> w = new HashMap<>();
        for (PayloadType t : byType.values()) {
            w.put(Payloads.fingerprint(t.schema()), t.schema());
            t.olderSchemas().forEach(s -> w.put(Payloads.fingerprint(s), s));
        }
        this.writers = Map.copyOf(w);
    }

    /** The types of every connector, in registration order; two connectors registering one type is an error. */
    public static PayloadTypes of(Collection<PayloadType> types) {
        Map<String, PayloadType> byType = new LinkedHashMap<>();
        for (PayloadType t : types) {
            PayloadType earlier = byType.putIfAbsent(t.type(), t);
            if (earlier != null && !earlier.equals(t)) {
                throw new IllegalStateException("payload type " + t.type() + " is registered twice");
            }
        }
        return new PayloadTypes(byType);
    }

    public Collection<PayloadType> all() {
        return byType.values();
    }

    public Optional<PayloadType> type(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * The payload of a record of {@code type}, as the generated class where one is on the classpath (with its date
     * and time conversions), else as a generic record.
     *
     * @throws UnknownPayloadException for an unregistered type or writer schema, or bytes that do not decode
     */
    public GenericRecord decode(String type, ByteBuffer payload) {
        PayloadType t = byType.get(type);
        if (t == null) {
            throw new UnknownPayloadException("no connector registers payload type " + type);
        }
        Schema writer = writers.get(Payloads.writerFingerprint(payload));
        if (writer == null || !writer.getFullName().equals(t.schema().getFullName())) {
            throw new UnknownPayloadException("payload of type " + type + " has an unregistered writer schema");
        }
        ByteBuffer body = payload.duplicate();
        body.position(body.position() + 10);
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            SpecificData model = SpecificData.getForSchema(t.schema());
            GenericDatumReader<GenericRecord> reader;
            if (model.getClass(t.schema()) != null) {
                reader = new SpecificDatumReader<GenericRecord>(writer, t.schema(), model);
            } else {
                reader = new GenericDatumReader<GenericRecord>(writer, t.schema(), GenericData.get());
            }
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new UnknownPayloadException("payload of type " + type + " does not decode", e);
        }
    }

    /** The payload decoded as {@code cls}, which must be the generated class of the type's schema. */
    public <T extends GenericRecord> T decode(String type, ByteBuffer payload, Class<T> cls) {
        GenericRecord record = decode(type, payload);
        if (!cls.isInstance(record)) {
            throw new UnknownPayloadException("payload of type " + type + " is not a " + cls.getSimpleName());
        }
        return cls.cast(record);
    }

    /** Every registered schema of every type, for lints and reports. */
    public List<Schema> schemas() {
        return byType.values().stream().map(PayloadType::schema).toList();
    }
}

package org.earlyhelp.hub.schema.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * Encodes and decodes the hub's Kafka values with Avro single-object encoding (two marker bytes, the writer schema's
 * 8-byte fingerprint, the body). Thread-safe.
 */
public final class RecordCodec {

    private final BinaryMessageEncoder<HubRecord> recordEncoder = HubRecord.getEncoder();
    private final BinaryMessageDecoder<HubRecord> recordDecoder;
    private final BinaryMessageEncoder<Disclosure> disclosureEncoder = Disclosure.getEncoder();
    private final BinaryMessageDecoder<Disclosure> disclosureDecoder;

    public RecordCodec(SchemaRegistry registry) {
        // the generated models carry the logical-type conversions (dates, timestamps)
        recordDecoder = HubRecord.createDecoder(registry.store());
        disclosureDecoder = Disclosure.createDecoder(registry.store());
    }

    public byte[] encode(HubRecord record) {
        return bytes(() -> recordEncoder.encode(record));
    }

    public byte[] encode(Disclosure disclosure) {
        return bytes(() -> disclosureEncoder.encode(disclosure));
    }

    /** @throws UndecodableRecordException for bytes that are not a known version of the record */
    public HubRecord decodeRecord(byte[] bytes) {
        try {
            return recordDecoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(e);
        }
    }

    public Disclosure decodeDisclosure(byte[] bytes) {
        try {
            return disclosureDecoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(e);
        }
    }

    private static byte[] bytes(IoSupplier<ByteBuffer> encode) {
        try {
            ByteBuffer buffer = encode.get();
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("encoding a record in memory cannot fail", e);
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** The bytes are not a record of a registered schema; the reason names the failure kind, never the content. */
    public static final class UndecodableRecordException extends RuntimeException {
        UndecodableRecordException(Throwable cause) {
            super("undecodable record: " + cause.getClass().getSimpleName(), cause);
        }
    }
}

package org.earlyhelp.hub.schema.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.SchemaNormalization;
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
    private final SchemaRegistry registry;
    private final LegacyVersions legacy;
    private final java.util.Set<Long> legacyRecords = new java.util.HashSet<>();
    private final long legacyDisclosure;

    public RecordCodec(SchemaRegistry registry) {
        // the generated models carry the logical-type conversions (dates, timestamps)
        this.registry = registry;
        recordDecoder = HubRecord.createDecoder(registry.store());
        disclosureDecoder = Disclosure.createDecoder(registry.store());
        legacy = new LegacyVersions(registry);
        for (int v = 1; v <= 4; v++) {
            legacyRecords.add(SchemaNormalization.parsingFingerprint64(registry.version("HubRecord", v)));
        }
        legacyDisclosure = SchemaNormalization.parsingFingerprint64(registry.version("Disclosure", 1));
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
            long writer = writerFingerprint(bytes);
            if (legacyRecords.contains(writer)) {
                return legacy.record(registry.byFingerprint(writer).orElseThrow(), LegacyVersions.body(bytes));
            }
            return recordDecoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(e);
        }
    }

    public Disclosure decodeDisclosure(byte[] bytes) {
        try {
            if (writerFingerprint(bytes) == legacyDisclosure) {
                return legacy.disclosure(registry.version("Disclosure", 1), LegacyVersions.body(bytes));
            }
            return disclosureDecoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(e);
        }
    }

    /** The writer fingerprint of single-object bytes, or 0 for bytes too short to hold one (the decoder refuses them). */
    private static long writerFingerprint(byte[] bytes) {
        if (bytes == null || bytes.length < 10) {
            return 0L;
        }
        long fp = 0;
        for (int i = 0; i < 8; i++) {
            fp |= (bytes[2 + i] & 0xffL) << (8 * i);
        }
        return fp;
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

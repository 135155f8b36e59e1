package org.earlyhelp.hub.schema.payload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a payload as Avro single-object encoding (the marker {@code C3 01}, the writer schema's 8-byte little-endian
 * fingerprint, the body), the form {@code HubRecord.payload} holds. Encoding needs only the payload's own schema, so
 * a mapper in any connector can build a record; reading needs the registered schemas ({@link PayloadTypes}).
 */
public final class Payloads {

    static final byte MARKER_0 = (byte) 0xC3;
    static final byte MARKER_1 = (byte) 0x01;

    private Payloads() {}

    /** The single-object encoding of a generated payload or a generic record. */
    public static ByteBuffer encode(GenericContainer payload) {
        Objects.requireNonNull(payload, "payload");
        Schema schema = payload.getSchema();
        GenericData model = payload instanceof SpecificRecord ? SpecificData.getForSchema(schema) : GenericData.get();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(MARKER_0);
            out.write(MARKER_1);
            long fp = fingerprint(schema);
            for (int i = 0; i < 8; i++) {
                out.write((int) (fp >>> (8 * i)) & 0xff);
            }
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<Object>(schema, model).write(payload, encoder);
            encoder.flush();
            return ByteBuffer.wrap(out.toByteArray()).asReadOnlyBuffer();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "payload does not match its schema " + schema.getFullName() + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** The 64-bit parsing-form fingerprint single-object encoding names a schema by. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The writer fingerprint at the head of an encoded payload; throws for bytes that are not single-object. */
    static long writerFingerprint(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        if (b.remaining() < 10 || b.get() != MARKER_0 || b.get() != MARKER_1) {
            throw new UnknownPayloadException("payload is not single-object encoded");
        }
        long fp = 0;
        for (int i = 0; i < 8; i++) {
            fp |= (b.get() & 0xffL) << (8 * i);
        }
        return fp;
    }
}

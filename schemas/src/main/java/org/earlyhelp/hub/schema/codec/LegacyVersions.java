package org.earlyhelp.hub.schema.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.payload.Payloads;

/**
 * Reads the two versions that Avro's own resolution cannot carry forward: records written before v5, whose payload was
 * a union of the four first types (now single-object bytes a connector registers), and disclosures written before
 * v2, whose recipient was a {@code partner:address} string (now typed). This is the only place a recipient string is
 * ever split, and only for data written by an earlier release.
 */
final class LegacyVersions {

    private final Schema lastUnionRecord;
    private final Schema firstDisclosure;

    LegacyVersions(SchemaRegistry registry) {
        this.lastUnionRecord = registry.version("HubRecord", 4);
        this.firstDisclosure = registry.version("Disclosure", 1);
    }

    /** A record of a version before v5 (writer schema {@code writer}) as the current record. */
    HubRecord record(Schema writer, byte[] body) throws IOException {
        GenericRecord old = new GenericDatumReader<GenericRecord>(writer, lastUnionRecord)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));
        Schema current = HubRecord.getClassSchema();
        GenericData.Record now = new GenericData.Record(current);
        for (Schema.Field f : current.getFields()) {
            if (f.name().equals("payload")) {
                now.put("payload", Payloads.encode((GenericRecord) old.get("payload")));
            } else if (old.getSchema().getField(f.name()) != null) {
                now.put(f.name(), old.get(f.name()));
            } else if (f.name().equals("withheld")) {
                now.put("withheld", java.util.List.of()); // v6: nothing was withheld before it could be
            }
        }
        return rewrite(now, current, new SpecificDatumReader<>(HubRecord.class));
    }

    /** A disclosure of v1 (recipient {@code partner:address}) as the current disclosure. */
    Disclosure disclosure(Schema writer, byte[] body) throws IOException {
        GenericRecord old = new GenericDatumReader<GenericRecord>(writer, firstDisclosure)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));
        Schema current = Disclosure.getClassSchema();
        GenericData.Record now = new GenericData.Record(current);
        for (Schema.Field f : current.getFields()) {
            if (!f.name().equals("recipient") && old.getSchema().getField(f.name()) != null) {
                now.put(f.name(), old.get(f.name()));
            }
        }
        String text = String.valueOf(old.get("recipient"));
        int colon = text.indexOf(':');
        GenericData.Record recipient =
                new GenericData.Record(current.getField("recipient").schema());
        recipient.put("partner", colon < 0 ? text : text.substring(0, colon));
        recipient.put("address", colon < 0 ? null : text.substring(colon + 1));
        now.put("recipient", recipient);
        return rewrite(now, current, new SpecificDatumReader<>(Disclosure.class));
    }

    private static <T> T rewrite(GenericRecord generic, Schema schema, SpecificDatumReader<T> reader)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(generic, encoder);
        encoder.flush();
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    static byte[] body(byte[] singleObject) {
        return Arrays.copyOfRange(singleObject, 10, singleObject.length);
    }
}

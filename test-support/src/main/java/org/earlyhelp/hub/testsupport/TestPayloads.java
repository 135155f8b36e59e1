package org.earlyhelp.hub.testsupport;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.schema.payload.PayloadType;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/**
 * Payloads in tests of modules that cannot see the connectors: the four payload types that live in {@code schemas/}
 * registered as their connectors register them, and a typed read of a record's payload.
 */
public final class TestPayloads {

    /** The payload types of the schemas module (domestic abuse, attendance, health and case involvement). */
    public static final PayloadTypes CORE = PayloadTypes.of(java.util.List.of(
            PayloadType.of(DomesticAbuseIncident.getClassSchema()),
            PayloadType.of(SchoolAttendance.getClassSchema()),
            PayloadType.of(HealthInvolvement.getClassSchema()),
            PayloadType.of(CaseInvolvement.getClassSchema())));

    private TestPayloads() {}

    /** The record's payload as its generated class. */
    public static <T extends SpecificRecordBase> T decode(HubRecord record, Class<T> cls) {
        return decode(record.getType(), record.getPayload(), cls);
    }

    public static <T extends SpecificRecordBase> T decode(String type, ByteBuffer payload, Class<T> cls) {
        Schema schema;
        try {
            schema = (Schema) cls.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(cls + " is not a generated Avro class", e);
        }
        GenericRecord record =
                PayloadTypes.of(java.util.List.of(PayloadType.of(schema))).decode(type, payload);
        return cls.cast(record);
    }
}

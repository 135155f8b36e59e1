package org.earlyhelp.hub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.payload.PayloadType;
import org.earlyhelp.hub.schema.payload.PayloadTypes;
import org.junit.jupiter.api.Test;

/** Data written by an earlier release, with the schemas it was written with, still reads as today's records. */
class LegacyVersionsTest {

    final SchemaRegistry registry = SchemaRegistry.load();
    final RecordCodec codec = new RecordCodec(registry);

    static byte[] singleObject(Schema schema, GenericRecord value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        long fp = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fp >>> (8 * i)) & 0xff);
        }
        BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(value, e);
        e.flush();
        return out.toByteArray();
    }

    @Test
    void aV4RecordWithAUnionPayloadReadsAsTodaysRecordWithItsPayloadRegisteredBytes() throws Exception {
        // Given a record written with v4, whose payload was a branch of the union
        Schema v4 = registry.version("HubRecord", 4);
        Schema incidentSchema = v4.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals("DomesticAbuseIncident"))
                .findFirst()
                .orElseThrow();
        GenericData.Record incident = new GenericData.Record(incidentSchema);
        incident.put("reference", "DA/7");
        incident.put("occurredAt", Instant.parse("2026-11-21T21:40:00Z").toEpochMilli());
        Schema address = incidentSchema.getField("place").schema();
        GenericData.Record place = new GenericData.Record(address);
        place.put("lines", new GenericData.Array<>(address.getField("lines").schema(), List.of()));
        place.put("postcode", "S41 7AB");
        incident.put("place", place);
        for (Schema.Field f : incidentSchema.getFields()) {
            if (incident.get(f.name()) == null && f.hasDefaultValue()) {
                incident.put(f.name(), GenericData.get().getDefaultValue(f));
            }
        }
        GenericData.Record old = new GenericData.Record(v4);
        old.put("recordId", "r-7");
        old.put("kind", new GenericData.EnumSymbol(v4.getField("kind").schema(), "EVENT"));
        old.put("type", "domestic-abuse-incident");
        old.put("provider", "police");
        old.put("receivedAt", Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
        old.put("people", new GenericData.Array<>(v4.getField("people").schema(), List.of()));
        old.put("payload", incident);
        old.put("providerOrganisation", "police:derbyshire");

        // When today's codec reads it
        HubRecord now = codec.decodeRecord(singleObject(v4, old));

        // Then every field carries forward, and the payload reads as the registered type
        assertThat(now.getRecordId()).isEqualTo("r-7");
        assertThat(now.getProviderOrganisation()).isEqualTo("police:derbyshire");
        assertThat(now.getReceivedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        PayloadTypes types = PayloadTypes.of(List.of(PayloadType.of(DomesticAbuseIncident.getClassSchema())));
        DomesticAbuseIncident payload = types.decode(now.getType(), now.getPayload(), DomesticAbuseIncident.class);
        assertThat(payload.getReference()).isEqualTo("DA/7");
        assertThat(payload.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T21:40:00Z"));
    }

    @Test
    void aV1DisclosureWithARecipientStringReadsWithATypedRecipient() throws Exception {
        // Given a disclosure written with v1 to "schools:100001"
        Schema v1 = registry.version("Disclosure", 1);
        GenericData.Record old = new GenericData.Record(v1);
        old.put("deliveryId", "d-1");
        old.put("recordId", "r-1");
        old.put("ledgerSeq", 4L);
        old.put("agreementId", "police-to-schools-domestic-abuse");
        old.put("agreementVersion", 1);
        old.put("purpose", "safeguarding/domestic-abuse-notification");
        old.put("recipient", "schools:100001");
        old.put("fields", java.util.Map.of("child.name", "A B"));

        // When today's codec reads it
        Disclosure now = codec.decodeDisclosure(singleObject(v1, old));

        // Then the recipient is typed: partner and address
        assertThat(now.getRecipient().getPartner()).isEqualTo("schools");
        assertThat(now.getRecipient().getAddress()).isEqualTo("100001");
        assertThat(now.getLedgerSeq()).isEqualTo(4L);
        assertThat(now.getFields()).containsEntry("child.name", "A B");
    }
}

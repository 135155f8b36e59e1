package org.earlyhelp.hub.schema.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.junit.jupiter.api.Test;

class PayloadTypesTest {

    final PayloadTypes types = PayloadTypes.of(List.of(
            PayloadType.of(HealthInvolvement.getClassSchema()), PayloadType.of(SchoolAttendance.getClassSchema())));

    static HealthInvolvement involvement() {
        return HealthInvolvement.newBuilder()
                .setService("health-visiting")
                .setSince(LocalDate.of(2026, 1, 5))
                .setTeam("North")
                .build();
    }

    @Test
    void aRegisteredPayloadReadsBackAsItsGeneratedClassWithItsDates() {
        ByteBuffer bytes = Payloads.encode(involvement());

        HealthInvolvement back = types.decode("health-involvement", bytes, HealthInvolvement.class);

        assertThat(back).isEqualTo(involvement());
        assertThat(back.getSince()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aPayloadOfAnUnregisteredTypeIsRefusedByTypeNotGuessedAt() {
        assertThatThrownBy(() -> types.decode("tenancy", Payloads.encode(involvement())))
                .isInstanceOf(UnknownPayloadException.class)
                .hasMessageContaining("tenancy");
    }

    @Test
    void aPayloadWhoseBytesAreAnotherTypesIsRefused() {
        assertThatThrownBy(() -> types.decode("school-attendance", Payloads.encode(involvement())))
                .isInstanceOf(UnknownPayloadException.class)
                .hasMessageNotContaining("North");
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> types.decode("health-involvement", ByteBuffer.wrap("North team".getBytes())))
                .isInstanceOf(UnknownPayloadException.class)
                .hasMessageNotContaining("North");
    }

    @Test
    void anOlderRegisteredSchemaReadsForwardToTheCurrentOne() {
        // Given a type whose first version lacked a field the current one has with a default
        Schema v1 = SchemaBuilder.record("Tenancy")
                .namespace("x")
                .prop("hub.type", "tenancy")
                .prop("hub.prefix", "tenancy")
                .fields()
                .requiredString("uprn")
                .endRecord();
        Schema v2 = SchemaBuilder.record("Tenancy")
                .namespace("x")
                .prop("hub.type", "tenancy")
                .prop("hub.prefix", "tenancy")
                .fields()
                .requiredString("uprn")
                .name("tenure")
                .type()
                .stringType()
                .stringDefault("unknown")
                .endRecord();
        PayloadTypes registered = PayloadTypes.of(List.of(PayloadType.of(v2, v1)));
        GenericData.Record old = new GenericData.Record(v1);
        old.put("uprn", "100012345678");

        // When a v1 payload is read
        GenericRecord now = registered.decode("tenancy", Payloads.encode(old));

        // Then it reads as v2, the new field at its default
        assertThat(now.get("uprn").toString()).isEqualTo("100012345678");
        assertThat(now.get("tenure").toString()).isEqualTo("unknown");
    }

    @Test
    void aSchemaWithoutHubTypeCannotBeRegistered() {
        Schema bare = SchemaBuilder.record("Bare").fields().requiredString("a").endRecord();
        assertThatThrownBy(() -> PayloadType.of(bare)).isInstanceOf(IllegalArgumentException.class);
    }
}

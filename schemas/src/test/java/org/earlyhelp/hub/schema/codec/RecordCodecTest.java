package org.earlyhelp.hub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec(SchemaRegistry.load());

    @Test
    void recordSurvivesSingleObjectEncoding() {
        // Given a canonical record
        HubRecord record = HubRecord.newBuilder()
                .setRecordId("r-1")
                .setKind(RecordKind.EVENT)
                .setType("domestic-abuse-incident")
                .setProvider("police")
                .setReceivedAt(Instant.parse("2026-11-22T10:00:00Z"))
                .setPeople(List.of(Person.newBuilder()
                        .setRef("c1")
                        .setRole(Role.CHILD)
                        .setGivenName("Amy")
                        .setFamilyName("Smith")
                        .setDateOfBirth(LocalDate.of(2016, 4, 3))
                        .build()))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(DomesticAbuseIncident.newBuilder()
                        .setReference("DA/1")
                        .setOccurredAt(Instant.parse("2026-11-21T21:40:00Z"))
                        .setPlace(Address.newBuilder().setPostcode("S41 7AB").build())
                        .build()))
                .build();
        // When it is encoded and decoded
        byte[] bytes = codec.encode(record);
        // Then it carries the single-object marker and reads back equal
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        HubRecord decoded = codec.decodeRecord(bytes);
        assertThat(codec.encode(decoded)).isEqualTo(bytes);
        assertThat(decoded.getPeople().get(0).getDateOfBirth()).isEqualTo(LocalDate.of(2016, 4, 3));
        assertThat(decoded.getReceivedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void disclosureSurvivesSingleObjectEncoding() {
        Disclosure d = Disclosure.newBuilder()
                .setDeliveryId("k")
                .setRecordId("r")
                .setLedgerSeq(7)
                .setAgreementId("a")
                .setAgreementVersion(1)
                .setPurpose("p")
                .setRecipient(org.earlyhelp.hub.schema.Recipient.newBuilder()
                        .setPartner("schools")
                        .setAddress("100001")
                        .build())
                .setFields(Map.of("child.name", "Amy Smith"))
                .build();
        assertThat(codec.decodeDisclosure(codec.encode(d))).isEqualTo(d);
    }

    @Test
    void garbageIsUndecodableWithoutEchoingIt() {
        assertThatThrownBy(() -> codec.decodeRecord("Amy Smith 2016-04-03".getBytes()))
                .isInstanceOf(RecordCodec.UndecodableRecordException.class)
                .hasMessageNotContaining("Amy");
    }
}

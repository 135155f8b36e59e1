package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * Hostile JSON bodies of every housing type (values in the wrong type or place, duplicate and misspelt keys, control
 * characters, huge values, truncation, trailing garbage, noise): each is read and mapped, or refused with reasons
 * that quote nothing sent. Nothing else may happen.
 */
class HousingJsonPropertyTest {

    @Property(tries = 12_000)
    void hostileBodyIsMappedOrRefusedWithReasonsThatQuoteNothing(
            @ForAll("bodies") Tuple.Tuple2<HousingRecordType, String> input) {
        HousingRecordType type = input.get1();
        try {
            HousingRequests.Request request = HousingSamples.read(type, input.get2());
            HubRecord record = HousingRecordMapper.toRecord(type, request, "r", Instant.EPOCH);
            assertThat(HousingSamples.PAYLOADS.decode(type.type(), record.getPayload()))
                    .isNotNull();
        } catch (RequestRejected e) {
            assertThat(e.status()).isIn(400, 413);
            assertThat(e.errors()).isNotEmpty();
            for (FieldError f : e.errors()) {
                assertThat(f.reason()).isNotBlank();
                for (String marker : HostileJson.MARKERS) {
                    assertThat(f.reason()).doesNotContain(marker);
                    assertThat(String.valueOf(f.field())).doesNotContain(marker);
                }
            }
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<HousingRecordType, String>> bodies() {
        return Arbitraries.of(HousingRecordType.values())
                .flatMap(t -> HostileJson.bodies(HousingSamples.json(t)).map(b -> Tuple.of(t, b)));
    }
}

package org.earlyhelp.hub.connector.police.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * 10,000 hostile bodies for the three new police endpoints (truncated JSON, wrong types, duplicate and misspelt keys,
 * control characters, oversized values, noise): the reader's rejection is the only exception, it names at least one
 * field and reason and quotes nothing sent, and whatever is read maps to a canonical record.
 */
class PoliceEventPropertyTest {

    final PoliceEventReader reader =
            new PoliceEventReader(Validation.buildDefaultValidatorFactory().getValidator(), PoliceEventReaderTest.NOW);

    record Body(Class<? extends PoliceEventRequest> type, String json) {}

    @Property(tries = 10_000)
    void aHostileEventBodyIsReadAndMappedOrRejectedWithAReasonAndNoValue(@ForAll("bodies") Body body) throws Exception {
        PoliceEventRequest event;
        try {
            event = reader.read(new ByteArrayInputStream(body.json().getBytes(StandardCharsets.UTF_8)), body.type());
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(f -> assertThat(f.reason())
                    .isNotBlank());
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
            Statistics.collect("rejected", e.status());
            return;
        }
        Statistics.collect("read", 202);
        HubRecord record = event.toRecord("r-1", Instant.EPOCH);
        assertThat(record.getPeople()).isNotEmpty();
        assertThat(record.getPayload().remaining()).isGreaterThan(10);
    }

    @Provide
    Arbitrary<Body> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        1,
                        HostileJson.bodies(hostile(PoliceEventSamples.MISSING))
                                .map(j -> new Body(MissingEpisodeRequest.class, j))),
                Tuple.of(
                        1,
                        HostileJson.bodies(hostile(PoliceEventSamples.ASB))
                                .map(j -> new Body(AntiSocialBehaviourRequest.class, j))),
                Tuple.of(
                        1,
                        HostileJson.bodies(hostile(PoliceEventSamples.YOUTH))
                                .map(j -> new Body(YouthOffendingRequest.class, j))));
    }

    /** The sample with the markers as its child, so an echo of any value shows. */
    private static String hostile(String sample) {
        return sample.replaceFirst("\"givenName\": \"[A-Za-z]+\"", "\"givenName\": \"Zephyrine\"")
                .replaceFirst("\"dateOfBirth\": \"[0-9-]+\"", "\"dateOfBirth\": \"2013-07-19\"");
    }
}

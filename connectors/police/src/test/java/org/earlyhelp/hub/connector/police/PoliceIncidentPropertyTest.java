package org.earlyhelp.hub.connector.police;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * 10,000 hostile incidents through the reader and, when read, the mapper: the reader's rejection is the only exception,
 * it quotes nothing sent, and whatever is read maps to a canonical record.
 */
class PoliceIncidentPropertyTest {

    final PoliceIncidentReader reader = new PoliceIncidentReader(
            Validation.buildDefaultValidatorFactory().getValidator(), PoliceIncidentReaderTest.NOW);

    @Property(tries = 10_000)
    void hostileIncidentIsReadAndMappedOrRejectedWithoutEchoingAnyValue(@ForAll("incidents") String body)
            throws Exception {
        PoliceIncidentRequest incident;
        try {
            incident = reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
            return;
        }
        HubRecord record = PoliceIncidentMapper.toRecord(incident, "r-1", "police", Instant.EPOCH);
        assertThat(record.getPeople()).isNotEmpty();
    }

    @Provide
    Arbitrary<String> incidents() {
        return HostileJson.bodies(
                PoliceIncidentReaderTest.VALID.replace("Amy", "Zephyrine").replace("2016-04-03", "2013-07-19"));
    }
}

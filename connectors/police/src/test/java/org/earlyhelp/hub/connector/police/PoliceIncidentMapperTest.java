package org.earlyhelp.hub.connector.police;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.junit.jupiter.api.Test;

class PoliceIncidentMapperTest {

    @Test
    void providerIsTheAuthenticatedPartnerAndPresenceIsKeptPerChild() throws Exception {
        PoliceIncidentRequest in = new PoliceIncidentReader(
                        Validation.buildDefaultValidatorFactory().getValidator(), PoliceIncidentReaderTest.NOW)
                .read(new ByteArrayInputStream(PoliceIncidentReaderTest.VALID
                        .replace("S41 7AB", "s41 7ab")
                        .getBytes(StandardCharsets.UTF_8)));

        HubRecord record = PoliceIncidentMapper.toRecord(in, "r-1", "police", Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(record.getProvider()).isEqualTo("police");
        assertThat(record.getKind()).isEqualTo(RecordKind.EVENT);
        assertThat(record.getType()).isEqualTo("domestic-abuse-incident");
        DomesticAbuseIncident incident =
                org.earlyhelp.hub.testsupport.TestPayloads.decode(record, DomesticAbuseIncident.class);
        assertThat(incident.getChildrenPresent()).containsExactly("c1");
        assertThat(incident.getPlace().getPostcode()).isEqualTo("S41 7AB");
        assertThat(record.getPeople()).extracting(p -> p.getRef()).containsExactly("c1", "a1");
    }
}

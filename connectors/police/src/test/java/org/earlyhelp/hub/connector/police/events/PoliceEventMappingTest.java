package org.earlyhelp.hub.connector.police.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.hub.connector.police.schema.AntiSocialBehaviour;
import org.earlyhelp.hub.connector.police.schema.AsbAction;
import org.earlyhelp.hub.connector.police.schema.MissingEpisode;
import org.earlyhelp.hub.connector.police.schema.MissingEvent;
import org.earlyhelp.hub.connector.police.schema.MissingRisk;
import org.earlyhelp.hub.connector.police.schema.YouthOffending;
import org.earlyhelp.hub.connector.police.schema.YouthOutcome;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.testsupport.TestPayloads;
import org.junit.jupiter.api.Test;

class PoliceEventMappingTest {

    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    final PoliceEventReader reader =
            new PoliceEventReader(Validation.buildDefaultValidatorFactory().getValidator(), PoliceEventReaderTest.NOW);

    <T extends PoliceEventRequest> T read(String body, Class<T> type) throws Exception {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type);
    }

    @Test
    void aMissingChildReportIsAnEventAboutTheChildWithTheEpisodeStepAndRisk() throws Exception {
        // Given a force's report of a child gone missing, with the parent who reported it
        MissingEpisodeRequest in = read(PoliceEventSamples.MISSING, MissingEpisodeRequest.class);

        // When it is mapped
        HubRecord record = in.toRecord("r-1", AT);

        // Then it is a missing-episode event whose subject is the child alone, people in the shared shape
        assertThat(record.getKind()).isEqualTo(RecordKind.EVENT);
        assertThat(record.getType()).isEqualTo("missing-episode");
        assertThat(record.getProvider()).isEqualTo("police");
        assertThat(record.getPeople()).extracting(p -> p.getRole()).containsExactly(Role.CHILD, Role.PARENT);
        assertThat(record.getPeople().get(0).getAddress().getUprn()).isEqualTo("100030012345");
        MissingEpisode payload = TestPayloads.decode(record, MissingEpisode.class);
        assertThat(payload.getEvent()).isEqualTo(MissingEvent.REPORTED_MISSING);
        assertThat(payload.getRiskLevel()).isEqualTo(MissingRisk.MEDIUM);
        assertThat(payload.getLocationPostcode()).isEqualTo("S40 2TH");
        assertThat(payload.getChild()).containsExactly("c1");
        assertThat(payload.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T18:05:00Z"));
        // And the found step of the same episode is a different record key, a retry the same
        MissingEpisodeRequest found =
                read(PoliceEventSamples.MISSING.replace("REPORTED_MISSING", "FOUND"), MissingEpisodeRequest.class);
        assertThat(found.key()).isNotEqualTo(in.key());
        assertThat(read(PoliceEventSamples.MISSING, MissingEpisodeRequest.class).key())
                .isEqualTo(in.key());
    }

    @Test
    void antiSocialBehaviourNamesEveryChildInvolvedAndTheActionTaken() throws Exception {
        AntiSocialBehaviourRequest in = read(PoliceEventSamples.ASB, AntiSocialBehaviourRequest.class);

        HubRecord record = in.toRecord("r-2", AT);

        assertThat(record.getType()).isEqualTo("anti-social-behaviour");
        AntiSocialBehaviour payload = TestPayloads.decode(record, AntiSocialBehaviour.class);
        assertThat(payload.getInvolved()).containsExactly("c1", "c2");
        assertThat(payload.getAction()).isEqualTo(AsbAction.ACCEPTABLE_BEHAVIOUR_CONTRACT);
        assertThat(payload.getOfficerNotes()).isNull();
        assertThat(in.key().value()).isEqualTo("reference:anti-social-behaviour/ASB/2026/1187");
    }

    @Test
    void aYouthOffendingOutcomeCarriesTheYouthJusticeInvolvementItStarts() throws Exception {
        YouthOffendingRequest in = read(PoliceEventSamples.YOUTH, YouthOffendingRequest.class);

        HubRecord record = in.toRecord("r-3", AT);

        assertThat(record.getType()).isEqualTo("youth-offending");
        YouthOffending payload = TestPayloads.decode(record, YouthOffending.class);
        assertThat(payload.getOutcome()).isEqualTo(YouthOutcome.REFERRAL_ORDER);
        assertThat(payload.getOffenceGroup()).isEqualTo("theft-offences");
        assertThat(payload.getYouthJusticeTeam()).isEqualTo("Chesterfield Youth Justice");
        assertThat(payload.getYouthJusticeSince()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(payload.getYoungPerson()).containsExactly("c1");
        assertThat(record.getPeople().get(0).getNhsNumber()).isEqualTo("8762328603");
    }
}

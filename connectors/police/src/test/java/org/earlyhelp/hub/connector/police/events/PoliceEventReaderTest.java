package org.earlyhelp.hub.connector.police.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoliceEventReaderTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    final PoliceEventReader reader =
            new PoliceEventReader(Validation.buildDefaultValidatorFactory().getValidator(), NOW);

    static List<Arguments> badBodies() {
        String m = PoliceEventSamples.MISSING;
        String a = PoliceEventSamples.ASB;
        String y = PoliceEventSamples.YOUTH;
        return List.of(
                Arguments.of(MissingEpisodeRequest.class, m.replace("REPORTED_MISSING", "LOST"), "event", "must be"),
                Arguments.of(
                        MissingEpisodeRequest.class,
                        m.replace("2026-11-20T18:05", "2026-12-20T18:05"),
                        "occurredAt",
                        "future"),
                Arguments.of(
                        MissingEpisodeRequest.class,
                        m.replace("\"role\": \"CHILD\"", "\"role\": \"OTHER\"")
                                .replace(", \"schoolUrn\": \"123456\"", ""),
                        "people",
                        "at least one CHILD"),
                Arguments.of(
                        MissingEpisodeRequest.class,
                        m.replace("3982597919", "3982597918"),
                        "people[0].nhsNumber",
                        "check digit"),
                Arguments.of(
                        MissingEpisodeRequest.class, m.replace("s40 2th", "Zephyrine"), "locationPostcode", "postcode"),
                Arguments.of(MissingEpisodeRequest.class, m.replace("\"event\"", "\"evnt\""), "evnt", "unknown field"),
                Arguments.of(AntiSocialBehaviourRequest.class, a.replace("NUISANCE", "NOISY"), "category", "must be"),
                Arguments.of(
                        AntiSocialBehaviourRequest.class,
                        a.replace("\"ref\": \"c2\"", "\"ref\": \"c1\""),
                        "people[1].ref",
                        "used twice"),
                Arguments.of(
                        AntiSocialBehaviourRequest.class,
                        a.replace("2010-02-03", "2010-02-30"),
                        "people[0].dateOfBirth",
                        "real date"),
                Arguments.of(
                        YouthOffendingRequest.class,
                        y.replace("\"role\": \"PARENT\"", "\"role\": \"CHILD\""),
                        "people",
                        "exactly one CHILD"),
                Arguments.of(
                        YouthOffendingRequest.class,
                        y.replace("\"since\": \"2026-11-18\"", "\"since\": \"2027-11-18\""),
                        "youthJustice.since",
                        "past or"),
                Arguments.of(
                        YouthOffendingRequest.class,
                        y.replace("theft-offences", "Theft!"),
                        "offenceGroup",
                        "lower-case"),
                Arguments.of(YouthOffendingRequest.class, "", "$", "empty"),
                Arguments.of(YouthOffendingRequest.class, y.substring(0, 120), "offenceGroup", "cannot be read"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badBodies")
    void aBadBodyIsRejectedNamingFieldAndReasonWithoutEchoingValues(
            Class<? extends PoliceEventRequest> type, String body, String field, String reason) {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).anySatisfy(error -> {
                        assertThat(error.field()).isEqualTo(field);
                        assertThat(error.reason()).contains(reason);
                    });
                    assertThat(e.errors().toString())
                            .doesNotContain("Kayden", "Marsh", "3982597918", "Zephyrine", "LOST", "NOISY", "Theft!");
                });
    }
}

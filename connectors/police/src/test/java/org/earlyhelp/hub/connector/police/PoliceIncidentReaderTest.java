package org.earlyhelp.hub.connector.police;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoliceIncidentReaderTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    static final String VALID =
            """
            {"reference": "DA/2026/000123", "occurredAt": "2026-11-22T21:40:00Z",
             "place": {"lines": ["12 Acacia Avenue"], "postcode": "S41 7AB", "uprn": "100030000001"},
             "riskLevel": "MEDIUM", "officerNotes": "notes",
             "people": [
               {"ref": "c1", "role": "CHILD", "givenName": "Amy", "familyName": "Smith", "dateOfBirth": "2016-04-03",
                "sex": "FEMALE", "nhsNumber": "9434765919", "schoolUrn": "100001", "present": true},
               {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Jo", "familyName": "Smith"}]}
            """;

    private final PoliceIncidentReader reader =
            new PoliceIncidentReader(Validation.buildDefaultValidatorFactory().getValidator(), NOW);

    @Test
    void validIncidentReads() throws Exception {
        PoliceIncidentRequest incident = read(VALID);
        assertThat(incident.reference()).isEqualTo("DA/2026/000123");
        assertThat(incident.people()).hasSize(2);
        assertThat(incident.people().get(0).present()).isTrue();
    }

    @Test
    void expectedDateOfBirthOfAnUnbornChildIsAccepted() throws Exception {
        String next = java.time.LocalDate.now().plusMonths(3).toString();
        PoliceIncidentRequest incident = read(VALID.replace(
                "\"dateOfBirth\": \"2016-04-03\"", "\"dateOfBirth\": \"" + next + "\", \"dateOfBirthExpected\": true"));
        assertThat(incident.people().get(0).dateOfBirthExpected()).isTrue();
        assertThat(PoliceIncidentMapper.toRecord(incident, "r", "police", NOW.instant())
                        .getPeople()
                        .get(0)
                        .getDateOfBirthExpected())
                .isTrue();
    }

    @Test
    void oversizeIncidentIsA413() {
        assertThatThrownBy(() -> read(VALID.replace("notes", "x".repeat(300_000))))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    static List<Arguments> badBodies() {
        return List.of(
                Arguments.of("wrong type", VALID.replace("\"DA/2026/000123\"", "5"), "reference", "string"),
                Arguments.of(
                        "impossible date",
                        VALID.replace("2016-04-03", "2016-02-30"),
                        "people[0].dateOfBirth",
                        "is not a real date"),
                Arguments.of(
                        "impossible time",
                        VALID.replace("21:40:00Z", "25:40:00Z"),
                        "occurredAt",
                        "is not a real date-time"),
                Arguments.of(
                        "future incident",
                        VALID.replace("2026-11-22T21:40", "2026-12-22T21:40"),
                        "occurredAt",
                        "future"),
                Arguments.of(
                        "unborn child",
                        VALID.replace("2016-04-03", "2027-01-01"),
                        "people[0].dateOfBirth",
                        "dateOfBirthExpected"),
                Arguments.of("10 MB string", VALID.replace("notes", "x".repeat(10 * 1024 * 1024)), "$", "larger than"),
                Arguments.of(
                        "long string", VALID.replace("notes", "x".repeat(100_000)), "officerNotes", "maximum length"),
                Arguments.of(
                        "deep nesting",
                        "{\"place\": " + "{\"lines\": [".repeat(100) + "]}".repeat(100) + "}",
                        "place.lines[0]",
                        "expected a string"),
                Arguments.of(
                        "unknown field",
                        VALID.replace("\"riskLevel\"", "\"provider\": \"schools\", \"riskLevel\""),
                        "?",
                        "unknown field"),
                Arguments.of(
                        "duplicate key",
                        VALID.replace(
                                "\"riskLevel\": \"MEDIUM\"", "\"riskLevel\": \"MEDIUM\", \"riskLevel\": \"HIGH\""),
                        "riskLevel",
                        "more than once"),
                Arguments.of(
                        "no child",
                        VALID.replace("\"role\": \"CHILD\"", "\"role\": \"OTHER\"")
                                .replace(", \"schoolUrn\": \"100001\", \"present\": true", ""),
                        "people",
                        "at least one CHILD"),
                Arguments.of(
                        "bad NHS check digit",
                        VALID.replace("9434765919", "9434765918"),
                        "people[0].nhsNumber",
                        "check digit"),
                Arguments.of(
                        "bad postcode", VALID.replace("S41 7AB", "not a postcode"), "place.postcode", "UK postcode"),
                Arguments.of(
                        "duplicate ref",
                        VALID.replace("\"ref\": \"a1\"", "\"ref\": \"c1\""),
                        "people[1].ref",
                        "duplicates"),
                Arguments.of("empty body", "", "$", "empty"),
                Arguments.of("null body", "null", "$", "JSON object"),
                Arguments.of("not JSON", "{reference:", "$", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIsRejectedNamingFieldAndReasonWithoutEchoingValues(
            String name, String body, String field, String reason) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.errors()).anySatisfy(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.reason()).contains(reason);
            });
            assertThat(e.errors().toString()).doesNotContain("Amy", "Smith", "9434765918", "not a postcode");
        });
    }

    private PoliceIncidentRequest read(String body) throws Exception {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}

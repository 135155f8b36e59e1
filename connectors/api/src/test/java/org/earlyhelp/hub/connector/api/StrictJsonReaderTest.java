package org.earlyhelp.hub.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictJsonReaderTest {

    static final String VALID =
            """
            {"name": "Zephyrine", "present": true, "count": 3, "percent": 85, "occurredAt": "2026-11-22T21:40:00Z",
             "kind": "ONE", "lines": ["12 Oak Road"],
             "people": [{"givenName": "Zephyrine", "dateOfBirth": "2013-07-19"}]}
            """;
    static final String NEXT_MONTH = LocalDate.now().plusMonths(1).toString();

    final StrictJsonReader reader =
            new StrictJsonReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void validBodyReadsWithAWholeNumberForADecimal() {
        Sample s = read(VALID);
        assertThat(s.name()).isEqualTo("Zephyrine");
        assertThat(s.percent()).isEqualTo(85.0);
        assertThat(s.people().get(0).dateOfBirth()).isEqualTo(LocalDate.of(2013, 7, 19));
    }

    @Test
    void expectedDateOfBirthInTheFutureIsAccepted() {
        Sample s = read(VALID.replace(
                "\"dateOfBirth\": \"2013-07-19\"",
                "\"dateOfBirth\": \"" + NEXT_MONTH + "\", \"dateOfBirthExpected\": true"));
        assertThat(s.people().get(0).dateOfBirthExpected()).isTrue();
    }

    static List<Arguments> hostile() {
        return List.of(
                Arguments.of(
                        "number for a name",
                        VALID.replace("\"Zephyrine\", \"present\"", "12345, \"present\""),
                        "name",
                        "expected a string"),
                Arguments.of("1 for a boolean", VALID.replace("true", "1"), "present", "true or false"),
                Arguments.of("string for a boolean", VALID.replace("true", "\"true\""), "present", "true or false"),
                Arguments.of("string for a number", VALID.replace("3,", "\"3\","), "count", "whole number"),
                Arguments.of("decimal for a whole number", VALID.replace("3,", "3.5,"), "count", "whole number"),
                Arguments.of("string for a decimal", VALID.replace("85,", "\"85\","), "percent", "number"),
                Arguments.of("number for an enum", VALID.replace("\"ONE\"", "0"), "kind", "documented values"),
                Arguments.of(
                        "name for an enum", VALID.replace("\"ONE\"", "\"Zephyrine\""), "kind", "documented values"),
                Arguments.of(
                        "U+0000 in a name",
                        VALID.replace("\"Zephyrine\", \"present\"", "\"Zeph\\u0000yrine\", \"present\""),
                        "name",
                        "control character"),
                Arguments.of(
                        "newline in a list item",
                        VALID.replace("12 Oak Road", "12 Oak\\nRoad"),
                        "lines[0]",
                        "control character"),
                Arguments.of(
                        "lone surrogate", VALID.replace("12 Oak Road", "\\ud800Zephyrine"), "lines[0]", "surrogate"),
                Arguments.of(
                        "impossible date",
                        VALID.replace("2013-07-19", "2013-02-30"),
                        "people[0].dateOfBirth",
                        "real date"),
                Arguments.of(
                        "date in the wrong format",
                        VALID.replace("2013-07-19", "19/07/2013"),
                        "people[0].dateOfBirth",
                        "real date"),
                Arguments.of(
                        "six-digit year",
                        VALID.replace("2013-07-19", "-999999-01-01"),
                        "people[0].dateOfBirth",
                        "real date"),
                Arguments.of(
                        "date as a number",
                        VALID.replace("\"2013-07-19\"", "20130719"),
                        "people[0].dateOfBirth",
                        "real date"),
                Arguments.of(
                        "before 1900",
                        VALID.replace("2013-07-19", "1899-12-31"),
                        "people[0].dateOfBirth",
                        "1900-01-01"),
                Arguments.of(
                        "future, not expected",
                        VALID.replace("2013-07-19", NEXT_MONTH),
                        "people[0].dateOfBirth",
                        "dateOfBirthExpected"),
                Arguments.of(
                        "more than a year ahead",
                        VALID.replace("2013-07-19", LocalDate.now().plusYears(2).toString())
                                .replace("\"dateOfBirth\"", "\"dateOfBirthExpected\": true, \"dateOfBirth\""),
                        "people[0].dateOfBirth",
                        "one year"),
                Arguments.of(
                        "expected but past",
                        VALID.replace("\"dateOfBirth\"", "\"dateOfBirthExpected\": true, \"dateOfBirth\""),
                        "people[0].dateOfBirthExpected",
                        "still to come"),
                Arguments.of(
                        "impossible time", VALID.replace("21:40:00Z", "25:40:00Z"), "occurredAt", "real date-time"),
                Arguments.of(
                        "time without offset", VALID.replace("21:40:00Z", "21:40:00"), "occurredAt", "real date-time"),
                Arguments.of(
                        "misspelt key",
                        VALID.replace("\"dateOfBirth\"", "\"dateOfBrith\""),
                        "people[0].dateOfBrith",
                        "unknown field"),
                Arguments.of("a name as a key", VALID.replace("\"count\"", "\"Zephyrine\""), "?", "unknown field"),
                Arguments.of(
                        "duplicate key",
                        VALID.replace("\"count\": 3", "\"count\": 3, \"count\": 4"),
                        "count",
                        "more than once"),
                Arguments.of("trailing tokens", VALID + " {}", "$", "more after the JSON value"),
                Arguments.of(
                        "a string for an object",
                        VALID.replace(
                                "[{\"givenName\": \"Zephyrine\", \"dateOfBirth\": \"2013-07-19\"}]", "[\"Zephyrine\"]"),
                        "people[0]",
                        "expected an object"),
                Arguments.of(
                        "a string for a list", VALID.replace("[\"12 Oak Road\"]", "\"Zephyrine\""), "lines", "array"),
                Arguments.of(
                        "long string",
                        VALID.replace("12 Oak Road", "Zephyrine".repeat(2000)),
                        "lines[0]",
                        "maximum length"),
                Arguments.of(
                        "deep nesting",
                        "{\"people\": " + "[".repeat(40) + "]".repeat(40) + "}",
                        "people[0]",
                        "expected an object"),
                Arguments.of("too large", "{\"name\": \"" + "Zephyrine".repeat(40_000) + "\"}", "$", "larger than"),
                Arguments.of("empty", "", "$", "empty"),
                Arguments.of("null", "null", "$", "JSON object"),
                Arguments.of("array", "[]", "$", "object"),
                Arguments.of("missing name", VALID.replace("\"name\": \"Zephyrine\",", ""), "name", "blank"),
                Arguments.of("not JSON", "{name: Zephyrine}", "$", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileBodyIsRejectedNamingFieldAndReasonNeverTheValue(String name, String body, String field, String reason) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.errors()).anySatisfy(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.reason()).contains(reason);
            });
            assertThat(e.errors().toString() + e.getMessage())
                    .doesNotContain("Zephyrine", "2013", "1899", "19/07", "999999", "12345");
        });
    }

    @Test
    void oversizeBodyIsA413() {
        assertThatThrownBy(() -> read("{\"name\": \"" + "x".repeat(300_000) + "\"}"))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void aCheckWrittenForAValidBodyNeverTurnsAnInvalidOneIntoA500() throws Exception {
        // Given a check that assumes the people Bean Validation requires (as a connector's checks do)
        java.util.function.Function<Sample, List<FieldError>> needsPeople = s -> s.people().stream()
                .map(p -> new FieldError("people", "checked"))
                .toList()
                .subList(0, 0);
        String withoutPeople =
                VALID.replaceAll(",\\s*\"people\": \\[.*\\]", "").replace("\"name\": \"Zephyrine\",", "");

        // When a body without them is read, and a valid body whose check itself fails
        // Then the first is Bean Validation's 400 naming the field, the second a 400 without the exception's message
        assertThatThrownBy(() -> reader.read(
                        new java.io.ByteArrayInputStream(withoutPeople.getBytes(StandardCharsets.UTF_8)),
                        Sample.class,
                        needsPeople))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors())
                            .anySatisfy(error -> assertThat(error.field()).isEqualTo("name"));
                });
        assertThatThrownBy(() -> reader.read(
                        new java.io.ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), Sample.class, s -> {
                            throw new IllegalStateException("Zephyrine");
                        }))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors().toString()).doesNotContain("Zephyrine");
                });
    }

    private Sample read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), Sample.class);
    }
}

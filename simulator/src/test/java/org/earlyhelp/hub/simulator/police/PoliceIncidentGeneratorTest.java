package org.earlyhelp.hub.simulator.police;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class PoliceIncidentGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:15:30.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SyntheticPopulation POPULATION =
            SyntheticPopulation.generate(11L, 300, LocalDate.of(2026, 11, 23));
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void the_json_has_the_shape_the_hub_parses() throws Exception {
        // Given a generator over a population
        PoliceIncidentGenerator generator = new PoliceIncidentGenerator(POPULATION, 5L, CLOCK);

        // When an incident is written as JSON and parsed back
        Incident incident = generator.next();
        JsonNode json = mapper.readTree(incident.json());

        // Then the top-level fields are exactly those the hub expects
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("reference", "occurredAt", "place", "riskLevel", "officerNotes", "people");
        assertThat(json.get("reference").asText())
                .matches("DA/2026/[0-9A-Z]{1,13}-[0-9]{6}")
                .isEqualTo(incident.reference());
        assertThat(Instant.parse(json.get("occurredAt").asText())).isEqualTo(incident.occurredAt());
        assertThat(json.get("place").get("lines").isArray()).isTrue();
        assertThat(json.get("place").get("postcode").asText()).matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");
        assertThat(json.get("riskLevel").asText()).isIn("STANDARD", "MEDIUM", "HIGH", "UNKNOWN");
        assertThat(json.get("officerNotes").asText()).isNotBlank();

        // and each person has a ref, a known role, names, a date of birth and a sex
        Set<String> refs = new HashSet<>();
        for (JsonNode person : json.get("people")) {
            assertThat(refs.add(person.get("ref").asText())).isTrue();
            assertThat(person.get("role").asText()).isIn("CHILD", "ADULT_VICTIM", "PERPETRATOR", "PARENT", "OTHER");
            assertThat(person.get("givenName").asText()).isNotBlank();
            assertThat(person.get("familyName").asText()).isNotBlank();
            assertThat(LocalDate.parse(person.get("dateOfBirth").asText())).isBefore(LocalDate.of(2026, 11, 23));
            assertThat(person.get("sex").asText()).isIn("FEMALE", "MALE", "OTHER", "UNKNOWN");
            if (person.get("role").asText().equals("CHILD")) {
                assertThat(person.fieldNames())
                        .toIterable()
                        .containsExactly(
                                "ref",
                                "role",
                                "givenName",
                                "familyName",
                                "dateOfBirth",
                                "sex",
                                "nhsNumber",
                                "address",
                                "schoolUrn",
                                "present");
                assertThat(SyntheticPopulation.validNhsNumber(
                                person.get("nhsNumber").asText()))
                        .isTrue();
                assertThat(person.get("address").get("uprn").asText()).matches("[0-9]{12}");
                assertThat(person.get("present").isBoolean()).isTrue();
            } else {
                // adults carry no school, presence flag or NHS number: the hub rejects schoolUrn/present on adults
                assertThat(person.has("schoolUrn")).isFalse();
                assertThat(person.has("present")).isFalse();
                assertThat(person.has("nhsNumber")).isFalse();
            }
        }
        assertThat(json.get("people").findValuesAsText("role")).contains("ADULT_VICTIM", "PERPETRATOR");
    }

    @Test
    void every_incident_has_a_present_child_with_a_school_urn_and_happened_in_the_last_day() throws Exception {
        // Given a generator
        PoliceIncidentGenerator generator = new PoliceIncidentGenerator(POPULATION, 6L, CLOCK);

        // When many incidents are generated
        // Then each has a child with a school URN, at least one child present, and a time within 24 hours of now
        for (int i = 0; i < 1_000; i++) {
            Incident incident = generator.next();
            JsonNode people = mapper.readTree(incident.json()).get("people");
            assertThat(people).anySatisfy(p -> {
                assertThat(p.get("role").asText()).isEqualTo("CHILD");
                assertThat(p.get("schoolUrn").asText()).matches("[0-9]{6}");
            });
            assertThat(incident.childrenPresent()).isNotEmpty().allMatch(Member::isChild);
            assertThat(incident.family().children()).containsAll(incident.childrenPresent());
            assertThat(incident.occurredAt()).isBetween(NOW.minus(Duration.ofHours(24)), NOW);
        }
    }

    @Test
    void references_are_unique_per_generator() {
        // Given a generator
        PoliceIncidentGenerator generator = new PoliceIncidentGenerator(POPULATION, 8L, CLOCK);

        // When many incidents are generated
        // Then no reference repeats
        assertThat(IntStream.range(0, 5_000).mapToObj(i -> generator.next().reference()))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_restarted_simulator_never_reuses_a_reference() {
        // Given the generator of one run, and the generator of the next run, with the same seed, a second later
        PoliceIncidentGenerator first = new PoliceIncidentGenerator(POPULATION, 8L, CLOCK);
        PoliceIncidentGenerator restarted =
                new PoliceIncidentGenerator(POPULATION, 8L, java.time.Clock.offset(CLOCK, Duration.ofSeconds(1)));
        // Then no reference of the second run was used by the first (the hub would refuse it as a changed incident)
        java.util.Set<String> used = new java.util.HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> used.add(first.next().reference()));
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> restarted.next().reference()))
                .noneMatch(used::contains);
    }

    @Test
    void the_same_seed_and_clock_give_the_same_incidents() {
        // Given two generators with the same seed and clock
        PoliceIncidentGenerator a = new PoliceIncidentGenerator(POPULATION, 9L, CLOCK);
        PoliceIncidentGenerator b = new PoliceIncidentGenerator(POPULATION, 9L, CLOCK);

        // When each generates incidents
        // Then their JSON is identical
        for (int i = 0; i < 50; i++) {
            assertThat(b.next().json()).isEqualTo(a.next().json());
        }
    }
}

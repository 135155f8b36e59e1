package org.earlyhelp.hub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.hub.analytics.criteria.CriteriaLoaderTest;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.needs.Observation;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.source.Families;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Identification and export for 1,000,000 people in memory (the database read is measured apart: it is the person
 * index's and record store's): each person with three observations of the criteria's record types, families of four,
 * needs identified as at a date, each person with a need made a dataset row and minimised under the shipped analytics
 * agreement (pseudonyms per project). Beside it, a baseline in the same run: one pass over the same observations
 * reading every value. Run with {@code ./mvnw -o -pl analytics test -Dtest=NeedsBenchmarkTest -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class NeedsBenchmarkTest {

    static final int PEOPLE = Integer.getInteger("benchmark.people", 1_000_000);
    static final LocalDate AS_AT = LocalDate.of(2026, 11, 30);

    @Test
    void identifyAndExportAMillionPeople() {
        NeedCriteria criteria = NeedCriteria.shipped(CriteriaLoaderTest.VOCABULARY);
        NeedsIdentifier identifier = new NeedsIdentifier(criteria);
        Random random = new Random(1);
        List<List<Observation>> people = new ArrayList<>(PEOPLE);
        Families families = new Families();
        long generated = System.nanoTime();
        for (int i = 0; i < PEOPLE; i++) {
            String person = String.format("p%07d", i);
            families.join(person, String.format("p%07d", i - i % 4));
            List<Observation> mine = new ArrayList<>(3);
            for (int k = 0; k < 3; k++) {
                mine.add(observation(person, i * 3 + k, random));
            }
            people.add(mine);
        }
        generated = System.nanoTime() - generated;
        System.gc();
        long heapBefore = heapUsed();

        long baseline = System.nanoTime();
        long values = 0;
        for (List<Observation> mine : people) {
            for (Observation o : mine) {
                for (Object v : o.values().values()) {
                    values += v.hashCode() & 1;
                }
            }
        }
        baseline = System.nanoTime() - baseline;

        org.earlyhelp.hub.testsupport.HeapPeaks.reset();
        long identify = System.nanoTime();
        Map<String, List<PersonNeeds>> byFamily = new java.util.HashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = String.format("p%07d", i);
            String family = families.familyOf(person);
            PersonNeeds needs = identifier.person(person, family, people.get(i), AS_AT);
            if (!needs.needs().isEmpty()) {
                byFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(needs);
            }
        }
        List<FamilyNeeds> withNeeds = new ArrayList<>();
        byFamily.forEach((family, members) -> withNeeds.add(identifier.family(family, families.size(family), members)));
        identify = System.nanoTime() - identify;

        Agreement agreement =
                AgreementLoader.load(Path.of("..", "agreements", "needs-dataset-to-council-analysts.yaml"));
        Minimiser minimiser = new Minimiser(new Pseudonymiser(new byte[32]));
        long export = System.nanoTime();
        long rows = 0;
        long cells = 0;
        for (FamilyNeeds family : withNeeds) {
            for (PersonNeeds p : family.people()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("needs.person", p.personId());
                row.put("needs.family", "family:" + family.familyId());
                row.put("needs.date-of-birth", LocalDate.of(2010, 1, 1).plusDays(rows % 3000));
                row.put("needs.postcode", "S41 7AB");
                row.put("needs.active", String.join(";", p.active()));
                row.put("needs.family-needs", family.active().size());
                row.put("needs.match-strength", "deterministic");
                cells += minimiser
                        .minimise(row, agreement, AS_AT, "bench/project/a")
                        .size();
                rows++;
            }
        }
        export = System.nanoTime() - export;
        long peak = org.earlyhelp.hub.testsupport.HeapPeaks.peak();

        long listed = withNeeds.stream().filter(FamilyNeeds::listed).count();
        System.out.printf(
                "needs benchmark: %,d people (%,d observations; generated in %.1f s)%n"
                        + "  baseline, one pass reading every value: %.2f s%n"
                        + "  identify needs and families:            %.2f s (%.1fx the baseline; %,.0f people/s)%n"
                        + "  export rows minimised under the agreement: %.2f s for %,d rows (%,.0f rows/s)%n"
                        + "  families with a need %,d, listed (3+) %,d%n"
                        + "  heap: %,d MiB holding the observations, peak %,d MiB during identify and export%n",
                PEOPLE,
                PEOPLE * 3L,
                generated / 1e9,
                baseline / 1e9,
                identify / 1e9,
                (double) identify / baseline,
                PEOPLE / (identify / 1e9),
                export / 1e9,
                rows,
                rows / (export / 1e9),
                withNeeds.size(),
                listed,
                heapBefore >> 20,
                peak >> 20);
        assertThat(values).isPositive();
        assertThat(cells).isPositive();
    }

    private static Observation observation(String person, long n, Random random) {
        Instant received = AS_AT.minusDays(random.nextInt(400)).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        String id = "r" + n;
        return switch (random.nextInt(4)) {
            case 0 ->
                new Observation(
                        person,
                        "p",
                        "child",
                        id,
                        "schools",
                        "school-attendance",
                        received,
                        Map.of("attendance.attendance-percent", 70.0 + random.nextInt(30), "attendance.pupil", true));
            case 1 ->
                new Observation(
                        person,
                        "c1",
                        "child",
                        id,
                        "police",
                        "domestic-abuse-incident",
                        received,
                        random.nextInt(10) == 0 ? Map.of("incident.occurred-at", received) : Map.of());
            case 2 ->
                new Observation(
                        person,
                        "a1",
                        "parent",
                        id,
                        "housing",
                        "housing-rent-arrears",
                        received,
                        Map.of(
                                "arrears.weeks",
                                random.nextInt(12),
                                "arrears.notice-attached",
                                random.nextInt(5) == 0,
                                "arrears.as-of",
                                received.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
            default ->
                new Observation(
                        person,
                        "a1",
                        "parent",
                        id,
                        "housing",
                        "housing-tenancy",
                        received,
                        Map.of("tenancy.tenure", "SECURE"));
        };
    }

    private static long heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}

package org.earlyhelp.hub.connector.health.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand hostile FHIR inputs, generated from HL7's official examples and UK-shaped resources (truncated,
 * byte-flipped, characters deleted or doubled, resource types swapped, NHS numbers and dates made invalid, datatypes
 * broken, nesting made deep, Bundles made huge), through the strict parser and the mapper as the endpoint and the
 * poller use them: each ends as a refusal with at least one problem or as a mapped outcome, none as any other
 * exception, and no problem repeats the personal data that was in the input.
 */
class FhirInputFuzzTest {

    static final String MARKER_NAME = "Quillonwick";
    static final String MARKER_NHS = "9434765919";

    @Test
    void tenThousandHostileInputsEachEndAsARefusalWithProblemsOrAnOutcome() {
        List<String> seeds = new ArrayList<>(Hl7Examples.all().values());
        seeds.add(uk());
        Random random = new Random(20261203);
        FhirMapper mapper = new FhirMapper();
        FhirReferences patients = reference -> {
            try {
                return java.util.Optional.of((org.hl7.fhir.r4.model.Patient) FhirJson.parse(uk()));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        };
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String input = mutate(seed, i % 10, random);
            String outcome;
            try {
                IBaseResource parsed = FhirJson.parse(input);
                FhirOutcome mapped = mapper.map(parsed, patients);
                outcome = mapped.getClass().getSimpleName();
                if (mapped instanceof FhirOutcome.Rejected r) {
                    assertThat(r.problems()).isNotEmpty();
                    r.problems().forEach(p -> assertThat(p.diagnostics()).doesNotContain(MARKER_NAME));
                }
            } catch (FhirInputException e) {
                assertThat(e.problems()).as("input %d", i).isNotEmpty();
                e.problems().forEach(p -> assertThat(p.diagnostics() + p.expression())
                        .doesNotContain(MARKER_NAME, MARKER_NHS));
                outcome = "refused";
            } catch (RuntimeException e) {
                crashes.add(i + ": " + e.getClass().getName());
                outcome = "crash";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("FHIR fuzz in-process: 10000 inputs, outcomes " + outcomes);
        assertThat(crashes).isEmpty();
        assertThat(outcomes.keySet()).contains("refused", "Records");
    }

    static String mutate(String seed, int kind, Random random) {
        return switch (kind) {
            case 0 -> seed.substring(0, random.nextInt(seed.length() + 1)); // truncated
            case 1 -> replaceAt(seed, random, "{}[]\":,0x\\ \u0000\u00e9".charAt(random.nextInt(12)));
            case 2 -> {
                int at = random.nextInt(seed.length());
                yield seed.substring(0, at) + seed.substring(Math.min(seed.length(), at + 1 + random.nextInt(8)));
            }
            case 3 -> {
                int at = random.nextInt(seed.length());
                yield seed.substring(0, at) + seed.substring(at, Math.min(seed.length(), at + 20)) + seed.substring(at);
            }
            case 4 ->
                seed.replaceFirst(
                        "\"resourceType\"\\s*:\\s*\"[A-Za-z]+\"",
                        "\"resourceType\": \""
                                + List.of("Observation", "Basic", "Patient", "Flag", "Nope", "Bundle")
                                        .get(random.nextInt(6))
                                + "\"");
            case 5 ->
                seed.replace(MARKER_NHS, String.valueOf(1_000_000_000L + random.nextInt(999_999_999)))
                        .replaceAll(
                                "\"(birthDate|start|end)\"\\s*:\\s*\"[^\"]*\"",
                                "\"$1\": \"2024-13-4" + random.nextInt(9) + "\"");
            case 6 ->
                seed.replaceFirst(
                        "\"(status|gender|active)\"\\s*:\\s*(\"[^\"]*\"|true|false)",
                        "\"$1\": " + List.of("42", "[]", "{}", "null", "\"\"").get(random.nextInt(5)));
            case 7 ->
                "{\"resourceType\": \"Patient\", \"extension\": "
                        + "[{\"extension\": ".repeat(200 + random.nextInt(300)) + "[]" + "}]".repeat(250);
            case 8 -> bundle(1 + random.nextInt(1500));
            default ->
                seed.replaceFirst("\\{", "{\"unknownElement" + random.nextInt(100) + "\": \"" + MARKER_NAME + "\",");
        };
    }

    private static String replaceAt(String s, Random random, char c) {
        char[] chars = s.toCharArray();
        chars[random.nextInt(chars.length)] = c;
        return new String(chars);
    }

    static String bundle(int n) {
        StringBuilder b = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\": ").append(uk()).append('}');
        }
        return b.append("]}").toString();
    }

    static String uk() {
        return """
                {"resourceType": "Patient", "id": "uk1", "meta": {"versionId": "1"},
                 "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                 "name": [{"use": "official", "family": "%s", "given": ["Amy"]}], "gender": "female",
                 "birthDate": "2016-04-03", "active": true, "status": "x",
                 "address": [{"line": ["12 Acacia Avenue"], "city": "Chesterfield", "postalCode": "S41 7AB"}]}"""
                .formatted(MARKER_NHS, MARKER_NAME)
                .replace(", \"status\": \"x\"", "");
    }
}

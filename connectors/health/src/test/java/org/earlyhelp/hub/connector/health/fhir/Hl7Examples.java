package org.earlyhelp.hub.connector.health.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Patient;

/** HL7's official R4 examples as test resources, and a resolver over their Patients by id. */
final class Hl7Examples {

    static final Path DIR = Path.of("src/test/resources/hl7-r4-examples");

    private Hl7Examples() {}

    /** File name to JSON, in name order. */
    static Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Patient example, by {@code Patient/<id>}. */
    static FhirReferences patients() {
        Map<String, Patient> byRef = new TreeMap<>();
        all().forEach((name, json) -> {
            if (name.startsWith("Patient-")) {
                Patient p = (Patient) FhirJson.parse(json);
                byRef.put("Patient/" + p.getIdElement().getIdPart(), p);
            }
        });
        return reference -> Optional.ofNullable(byRef.get(reference));
    }

    static List<String> names() {
        return List.copyOf(all().keySet());
    }
}

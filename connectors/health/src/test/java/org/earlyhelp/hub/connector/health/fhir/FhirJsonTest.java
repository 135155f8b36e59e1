package org.earlyhelp.hub.connector.health.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirJsonTest {

    private static FhirProblem refused(String json) {
        FhirInputException e = catchThrowableOfType(() -> FhirJson.parse(json), FhirInputException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.getMessage()).doesNotContain("Hartley", "9434765919");
        for (FhirProblem p : e.problems()) {
            assertThat(p.diagnostics()).doesNotContain("Hartley", "Olivia", "9434765919", "2022-03-14", "Zephyr");
        }
        return e.problems().get(0);
    }

    @Test
    void aValidResourceParsesAndEncodesBack() {
        Patient p = (Patient) FhirJson.parse(UkFhir.CHILD);
        assertThat(p.getNameFirstRep().getUse().toCode()).isEqualTo("nickname");
        Patient again = (Patient) FhirJson.parse(FhirJson.encode(p));
        assertThat(FhirJson.encode(again)).isEqualTo(FhirJson.encode(p));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // what is wrong | code | expression
                "\"family\": \"Hartley\"|\"family\": \"Hartley\", \"surname\": \"Hartley\"|structure|Patient.surname", // HAPI names the resource, not name[], as parent
                "\"birthDate\": \"2022-03-14\"|\"birthDate\": 20220314|value|Patient.birthDate",
                "\"birthDate\": \"2022-03-14\"|\"birthDate\": \"14/03/2022\"|value|Patient.birthDate",
                "\"gender\": \"female\"|\"gender\": \"Zephyr\"|value|Patient.gender",
                "\"resourceType\": \"Patient\"|\"resourceType\": \"Patients\"|not-supported|resourceType",
                "\"resourceType\": \"Patient\"|\"resourceType\": 7|required|resourceType",
                // what HAPI's strict parser takes and would quietly correct
                "\"active\": true|\"active\": \"true\"|structure|Patient.active",
                "\"family\": \"Hartley\"|\"family\": [\"Hartley\"]|structure|Patient.name.family",
                "\"given\": [\"Liv\"]|\"given\": \"Liv\"|structure|Patient.name.given",
                "\"line\": [\"3 Old Road\"]|\"line\": []|structure|Patient.address.line",
            })
    void aResourceBreakingTheR4StructureIsRefusedNamingTheElement(
            String from, String to, String code, String expression) {
        String json = UkFhir.CHILD.replace(from, to);
        assertThat(json).isNotEqualTo(UkFhir.CHILD);
        FhirProblem p = refused(json);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.expression()).isEqualTo(expression);
    }

    @Test
    void brokenJsonIsRefusedWithoutQuotingIt() {
        assertThat(refused(UkFhir.CHILD.substring(0, 200)).code()).isEqualTo("structure");
        assertThat(refused("{\"resourceType\": \"Patient\", \"id\": Hartley}").code())
                .isEqualTo("structure");
        assertThat(refused("[" + UkFhir.CHILD + "]").diagnostics()).contains("not a JSON object");
        assertThat(refused(UkFhir.CHILD + "{}").diagnostics()).contains("after");
        assertThat(refused("").code()).isEqualTo("structure");
        assertThat(refused(null).code()).isEqualTo("structure");
        assertThat(refused("{\"id\": \"x\"}").code()).isEqualTo("required");
        String duplicate = UkFhir.CHILD.replace("\"active\": true,", "\"active\": true, \"active\": false,");
        assertThat(refused(duplicate).diagnostics()).contains("repeats a property");
    }

    @Test
    void tooDeepTooLargeOrTooManyEntriesIsTooCostly() {
        String deep = "{\"resourceType\": \"Patient\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refused(deep).code()).isEqualTo("too-costly");
        String large = "{\"resourceType\": \"Patient\", \"id\": \"" + "a".repeat(FhirJson.MAX_CHARS) + "\"}";
        assertThat(refused(large).code()).isEqualTo("too-costly");
        StringBuilder bundle =
                new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [");
        for (int i = 0; i <= FhirJson.MAX_BUNDLE_ENTRIES; i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\": {\"resourceType\": \"Basic\"}}");
        }
        FhirProblem p = refused(bundle.append("]}").toString());
        assertThat(p.code()).isEqualTo("too-costly");
        assertThat(p.diagnostics()).contains("Bundle entries");
    }

    @Test
    void aBundleWithinTheCapParsesAndMapsAsNotSupported() {
        String bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"fullUrl\":"
                + " \"urn:uuid:3b7ab2f7-7c6d-4c5d-9d4e-2f1c3d4e5f60\", \"resource\": " + UkFhir.CHILD + "}]}";
        FhirOutcome o = new FhirMapper(FhirTestSupport.CLOCK).map(FhirJson.parse(bundle), FhirReferences.none());
        assertThat(FhirTestSupport.describe(o)).isEqualTo("rejected not-supported Bundle");
    }
}

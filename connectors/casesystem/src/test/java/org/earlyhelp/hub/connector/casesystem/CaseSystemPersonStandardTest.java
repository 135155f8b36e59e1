package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Sex;
import org.junit.jupiter.api.Test;

/** People in the DfE draft Person standard shape, from a realistic case system and from the standard's own example. */
class CaseSystemPersonStandardTest {

    static String wrap(String person) {
        return """
                {"people": [{"ref": "c", "role": "CHILD", "person": %s}],
                 "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01",
                    "leadPractitioner": "Team North"}}"""
                .formatted(person);
    }

    @Test
    void identifiersNamePartsDateAddressAndSexMapToTheCanonicalPerson() {
        // Given a child and a mother in the standard's shape
        CaseSystemStandardInvolvementRequest in =
                Samples.standardInvolvement(Samples.text("people-standard-involvement.json"));
        // When each is mapped
        Person child = CaseSystemPersonStandardMapper.toAvro(
                "c", "CHILD", in.people().get(0).person());
        Person mother = CaseSystemPersonStandardMapper.toAvro(
                "m", "PARENT", in.people().get(1).person());
        // Then the NHS number (spaces dropped) is the NHS number, the case system's id a local id of its system, the
        // first given name the given name, the first address the current one (UPRN kept), SexCode 2 female
        assertThat(child.getNhsNumber()).isEqualTo("9434765919");
        assertThat(child.getLocalIds()).singleElement().satisfies(id -> {
            assertThat(id.getSystem()).isEqualTo("https://derbyshire.gov.uk/id/mosaic-person");
            assertThat(id.getValue()).isEqualTo("MOSAIC-1180342");
        });
        assertThat(child.getGivenName()).isEqualTo("Jessica");
        assertThat(child.getFamilyName()).isEqualTo("Ashworth");
        assertThat(child.getDateOfBirth()).isEqualTo(LocalDate.of(2015, 3, 4));
        assertThat(child.getSex()).isEqualTo(Sex.FEMALE);
        assertThat(child.getAddress().getLines()).containsExactly("12 Oak Road", "Chesterfield");
        assertThat(child.getAddress().getPostcode()).isEqualTo("S41 7AB");
        assertThat(child.getAddress().getUprn()).isEqualTo("100030000001");
        // and an estimated day and month (EEA) is not given to matching as if it were known
        assertThat(mother.getDateOfBirth()).isNull();
        assertThat(mother.getAddress()).isNull();
        assertThat(mother.getNhsNumber()).isNull();
    }

    @Test
    void theStandardsOwnExampleWithItsPlaceholderNumbersIsRefusedAtTheFirstWrongType() {
        String example = Samples.text("person-standard-example.json");
        assertThatThrownBy(() -> Samples.standardInvolvement(wrap(example)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("people[0].person.Address[0].UPRN")));
    }

    @Test
    void theStandardsOwnExampleIsRefusedFieldByFieldByItsOwnKeyNames() {
        // Given the standard's example with the two numbers it types as strings left out
        String example = Samples.text("person-standard-example.json")
                .replace(",\n        \"UPRN\": \"float16\",\n        \"USRN\": \"float16\"", "");
        // Then every placeholder is refused under the standard's own key name, quoting none of them
        assertThatThrownBy(() -> Samples.standardInvolvement(wrap(example)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactlyInAnyOrder(
                                    "people[0].person.Identifier[0].system",
                                    "people[0].person.Name.use",
                                    "people[0].person.DateOfBirth.accuracyIndicator",
                                    "people[0].person.DateOfBirth.date",
                                    "people[0].person.Address[0].postcode",
                                    "people[0].person.Gender",
                                    "people[0].person.SexCode");
                    assertThat(e.errors().toString())
                            .doesNotContain(
                                    "PersonSexCode", "PersonNameUseCode", "DateOfBirthAccuracyIndicatorCode", "string");
                });
    }

    @Test
    void theStandardsExampleFilledInIsAccepted() {
        String filled = Samples.text("person-standard-example.json")
                .replace("\"value\": \"string\"", "\"value\": \"9434765919\"")
                .replace("\"system\": \"uri\"", "\"system\": \"https://fhir.nhs.uk/Id/nhs-number\"")
                .replace("\"familyName\": \"string\"", "\"familyName\": \"Ashworth\"")
                .replace("[\"string\"]", "[\"Jessica\"]")
                .replace("PersonNameUseCode", "usual")
                .replace("YYYY-MM-DD", "2015-03-04")
                .replace("DateOfBirthAccuracyIndicatorCode", "AAA")
                .replace("\"line1\": \"string\"", "\"line1\": \"12 Oak Road\"")
                .replace("\"line2\": \"string\"", "\"line2\": \"Brampton\"")
                .replace("\"city\": \"string\"", "\"city\": \"Chesterfield\"")
                .replace("\"postcode\": \"string\"", "\"postcode\": \"S40 1AA\"")
                .replace("\"float16\",", "100030000002,")
                .replace("\"float16\"", "11700342")
                .replace("PersonGenderCode", "2")
                .replace("PersonSexCode", "2");
        CaseSystemStandardInvolvementRequest in = Samples.standardInvolvement(wrap(filled));
        Person p = CaseSystemPersonStandardMapper.toAvro(
                "c", "CHILD", in.people().get(0).person());
        assertThat(p.getNhsNumber()).isEqualTo("9434765919");
        assertThat(p.getAddress().getLines()).containsExactly("12 Oak Road", "Brampton", "Chesterfield");
        assertThat(p.getDateOfBirth()).isEqualTo(LocalDate.of(2015, 3, 4));
    }

    @Test
    void mistakesInTheStandardsShapeAreNamedAndNothingSentIsQuoted() {
        String person =
                """
                {"Identifier": [{"value": "9434765918", "system": "https://fhir.nhs.uk/Id/nhs-number"},
                                {"value": "9434765919", "system": "https://fhir.nhs.uk/Id/nhs-number"}],
                 "Name": {"familyName": " ", "givenNames": []},
                 "DateOfBirth": {"date": "2031-02-30"},
                 "Address": [{"line1": "1 High St", "city": "Town", "postcode": "NOT A CODE", "UPRN": 0}]}""";
        assertThatThrownBy(() -> Samples.standardInvolvement(wrap(person)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactlyInAnyOrder(
                                    "people[0].person.Identifier[0].value",
                                    "people[0].person.Identifier",
                                    "people[0].person.Name.familyName",
                                    "people[0].person.Name.givenNames",
                                    "people[0].person.DateOfBirth.date",
                                    "people[0].person.Address[0].postcode",
                                    "people[0].person.Address[0].UPRN");
                    assertThat(e.errors().toString()).doesNotContain("9434765918", "NOT A CODE", "2031");
                });
        assertThatThrownBy(() -> Samples.standardInvolvement(wrap("{\"Identifier\": [], \"Name\": {\"familyName\":"
                        + " \"A\", \"givenNames\": [\"B\"]}, \"DateOfBirth\": {}, \"RelatedPerson\": []}")))
                .isInstanceOf(RequestRejected.class);
    }
}

package org.earlyhelp.hub.connector.api.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.junit.jupiter.api.Test;

class PersonInputTest {

    static PersonInput person(String ref, String nhs) {
        return new PersonInput(ref, "CHILD", "A", "B", null, null, nhs, null, null, null, null);
    }

    @Test
    void aMissingListOrANullEntryIsLeftToBeanValidationNotAnError() {
        assertThat(PersonInput.problems(null, "people")).isEmpty();
        assertThat(PersonInput.problems(Arrays.asList(person("a", null), null), "people"))
                .isEmpty();
    }

    @Test
    void aRefUsedTwiceAndAWrongCheckDigitAreNamedByPathWithoutTheirValues() {
        List<FieldError> problems =
                PersonInput.problems(List.of(person("a", "9434765919"), person("a", "9434765918")), "people");
        assertThat(problems).extracting(FieldError::field).containsExactly("people[1].ref", "people[1].nhsNumber");
        assertThat(problems.toString()).doesNotContain("9434765918");
    }
}

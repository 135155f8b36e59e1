package org.earlyhelp.hub.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

class CsvPersonReaderTest {

    @Test
    void aYearOfBirthAloneIsKeptAsAPartialDateAsLinkKeepsIt() throws Exception {
        // Given a simulator people file: one full date, one year alone ("age given"), one blank and one unreadable
        String csv =
                """
                record_id,partner,forename,middle_names,surname,dob,sex,address_1,address_2,town,postcode,uprn,nhs_number,upn,email,phone
                r1,police,Daniel,,Whitfield,11/02/1981,M,14 Hollins Close,,Chesterfield,S41 0QP,,,,,
                r2,police,Daniel,,Whitfield,2014,M,14 Hollins Close,,Chesterfield,S41 0QP,,,,,
                r3,police,Daniel,,Whitfield,,M,14 Hollins Close,,Chesterfield,S41 0QP,,,,,
                r4,police,Daniel,,Whitfield,14,M,14 Hollins Close,,Chesterfield,S41 0QP,,,,,
                """;
        List<PersonRecord> records = new ArrayList<>();

        // When the index's reader reads it
        CsvPersonReader.read(
                new StringReader(csv),
                CsvPersonReader.Mapping.simulator(Set.of("schools")),
                LocalDate.of(2026, 12, 1),
                records::add);

        // Then the year alone is a year of birth, and the rest are as before
        assertThat(records)
                .extracting(PersonRecord::dateOfBirth)
                .containsExactly(LocalDate.of(1981, 2, 11), null, null, null);
        assertThat(records).extracting(PersonRecord::yearOfBirth).containsExactly(null, 2014, null, null);
    }
}

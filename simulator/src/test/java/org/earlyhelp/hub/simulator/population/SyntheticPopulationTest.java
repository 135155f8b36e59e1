package org.earlyhelp.hub.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void the_same_seed_gives_the_same_population_and_another_seed_a_different_one() {
        // Given a seed and a reference date
        // When the population is generated twice with that seed, and once with another
        SyntheticPopulation first = SyntheticPopulation.generate(42L, 200, AS_OF);
        SyntheticPopulation second = SyntheticPopulation.generate(42L, 200, AS_OF);
        SyntheticPopulation other = SyntheticPopulation.generate(43L, 200, AS_OF);

        // Then the same seed gives equal families and schools, another seed different families
        assertThat(second.families()).isEqualTo(first.families());
        assertThat(second.schools()).isEqualTo(first.schools());
        assertThat(other.families()).isNotEqualTo(first.families());
    }

    @Test
    void every_family_lives_at_a_chesterfield_address_with_one_or_two_adults_and_one_to_four_school_age_children() {
        // Given a population
        SyntheticPopulation population = SyntheticPopulation.generate(7L, 500, AS_OF);

        // Then each family has the expected shape
        assertThat(population.families()).hasSize(500);
        Set<String> urns = population.schools().stream().map(School::urn).collect(Collectors.toSet());
        for (Family family : population.families()) {
            assertThat(family.address().lines()).isNotEmpty().last().isEqualTo("Chesterfield");
            assertThat(family.address().postcode()).matches("S4[0-4] [0-9][A-Z]{2}");
            assertThat(family.address().uprn()).matches("[0-9]{12}");
            assertThat(family.adults()).hasSizeBetween(1, 2).allSatisfy(a -> {
                assertThat(a.schoolUrn()).isNull();
                assertThat(a.ageOn(AS_OF)).isGreaterThanOrEqualTo(18);
            });
            assertThat(family.children()).hasSizeBetween(1, 4).allSatisfy(c -> {
                assertThat(c.ageOn(AS_OF)).isBetween(4, 17);
                assertThat(c.schoolUrn()).isIn(urns);
                assertThat(c.givenName()).isNotBlank();
            });
        }
        // and UPRNs are unique
        assertThat(population.families().stream().map(f -> f.address().uprn())).doesNotHaveDuplicates();
    }

    @Test
    void there_are_twenty_schools_with_six_digit_urns_from_100001() {
        // Given a population
        List<School> schools = SyntheticPopulation.generate(1L, 1, AS_OF).schools();

        // Then the schools are numbered from 100001
        assertThat(schools).hasSize(20);
        assertThat(schools.get(0).urn()).isEqualTo("100001");
        assertThat(schools).allSatisfy(s -> assertThat(s.urn()).matches("[0-9]{6}"));
    }

    @Test
    void every_nhs_number_in_the_population_is_valid_and_unique() {
        // Given a large population
        SyntheticPopulation population = SyntheticPopulation.generate(99L, 2_000, AS_OF);

        // When all members' NHS numbers are collected
        List<String> numbers = population.families().stream()
                .flatMap(f -> f.members().stream())
                .map(Member::nhsNumber)
                .toList();

        // Then every one passes the modulus-11 check and none repeats
        assertThat(numbers)
                .allSatisfy(n ->
                        assertThat(SyntheticPopulation.validNhsNumber(n)).as(n).isTrue());
        assertThat(numbers).doesNotHaveDuplicates();
    }

    @Test
    void validNhsNumber_accepts_a_known_valid_number_and_rejects_a_wrong_check_digit() {
        // Given a known valid NHS number and the same number with its check digit changed
        // When and Then
        assertThat(SyntheticPopulation.validNhsNumber("9434765919")).isTrue();
        assertThat(SyntheticPopulation.validNhsNumber("9434765918")).isFalse();
    }

    @Test
    void validNhsNumber_rejects_malformed_input_and_stems_whose_check_digit_would_be_ten() {
        // Given malformed numbers, and a stem whose modulus-11 check digit is 10
        String stemWithCheckTen = findStemWithCheckDigitTen();

        // When and Then none is valid, whatever the last digit
        assertThat(SyntheticPopulation.validNhsNumber(null)).isFalse();
        assertThat(SyntheticPopulation.validNhsNumber("943476591")).isFalse();
        assertThat(SyntheticPopulation.validNhsNumber("94347659190")).isFalse();
        assertThat(SyntheticPopulation.validNhsNumber("943476591X")).isFalse();
        for (int d = 0; d <= 9; d++) {
            assertThat(SyntheticPopulation.validNhsNumber(stemWithCheckTen + d)).isFalse();
        }
    }

    private static String findStemWithCheckDigitTen() {
        for (int i = 0; ; i++) {
            String stem = String.format("999%06d", i);
            if (SyntheticPopulation.nhsCheckDigit(stem) == 10) {
                return stem;
            }
        }
    }

    @Test
    void somePopulationsHaveTwinsWhoDifferOnlyInGivenNameAndNhsNumber() {
        // Given a population
        SyntheticPopulation population = SyntheticPopulation.generate(7L, 2_000, AS_OF);

        // When children of one family sharing a date of birth are counted
        long twinPairs = 0;
        for (Family family : population.families()) {
            List<Member> children = family.children();
            for (int i = 0; i < children.size(); i++) {
                for (int j = i + 1; j < children.size(); j++) {
                    Member a = children.get(i);
                    Member b = children.get(j);
                    if (a.dateOfBirth().equals(b.dateOfBirth())) {
                        twinPairs++;
                        // Then they are different people with the same surname and school
                        assertThat(a.givenName()).isNotEqualTo(b.givenName());
                        assertThat(a.nhsNumber()).isNotEqualTo(b.nhsNumber());
                        assertThat(a.familyName()).isEqualTo(b.familyName());
                        assertThat(a.schoolUrn()).isEqualTo(b.schoolUrn());
                    }
                }
            }
        }
        // about 2% of families
        assertThat(twinPairs).isBetween(20L, 70L);
    }
}
